namespace LeashBot.Understanding;

/// <summary>How sure the recognizer is, and what the bot should do about it.</summary>
public enum RecognitionKind
{
    /// <summary>One topic, clearly: answer it.</summary>
    Confident,

    /// <summary>The top two in-scope topics are close: ask "Did you mean …?" with both.</summary>
    Ambiguous,

    /// <summary>Nothing scored well enough: ask the owner to rephrase (candidates may still help).</summary>
    Unsure,

    /// <summary>A question LeashBot does not handle (dogs, diet, weather, appointments, prices…).</summary>
    OutOfScope,
}

/// <summary>A topic and its score (0..1).</summary>
public sealed record TopicScore(string TopicId, double Score);

/// <summary>The result of <see cref="TopicRecognizer.Recognize"/>.</summary>
/// <param name="TopicId">The chosen topic (the first candidate when Ambiguous); null when Unsure.</param>
/// <param name="Confidence">Score of the chosen (or best) topic, 0..1.</param>
/// <param name="Kind">What kind of answer this is.</param>
/// <param name="Candidates">Up to three topics, best first; for Ambiguous the two close ones come first.</param>
public sealed record Recognition(string? TopicId, double Confidence, RecognitionKind Kind, IReadOnlyList<TopicScore> Candidates);
