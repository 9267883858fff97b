using LeashBot.State;

namespace LeashBot.Understanding;

/// <summary>What a message is besides a question: chat that wants a short warm answer, or an ending.</summary>
public enum SocialAct
{
    None,
    Acknowledgement,
    Thanks,
    Laughter,

    /// <summary>"bye", "gotta go feed these gremlins", "thanks, that's all for today": the owner is leaving.</summary>
    Goodbye,

    /// <summary>"brb", "one sec", "hold on lemme grab the treats": the owner steps away for a moment and is coming back.</summary>
    Pause,

    /// <summary>"hey its me again", "ok im back": the owner is back, to pick up where they were.</summary>
    Return,
}

/// <summary>A command that works at any point.</summary>
public enum Command
{
    None,
    Help,
    Cancel,
    Menu,
    StartOver,
}

/// <summary>A mood the message describes, and whether it was read through a negation ("not relaxed").</summary>
public sealed record MoodReading(Mood Mood, bool ThroughNegation);

/// <summary>One of the owner's cats named in the message; <see cref="Negated"/> for "pickle, not milo".</summary>
public sealed record CatMention(string Name, bool Negated);

/// <summary>
/// One clause of the message ("kinda." / "how do i check the fit?" / "also she hisses at cars") and its topic;
/// <see cref="AsksAQuestion"/> when it opens like a question or ends with "?".
/// </summary>
public sealed record ClauseReading(string Text, Recognition Recognition, bool AsksAQuestion = false);

/// <summary>
/// Everything LeashBot reads in one message, read once per turn by <see cref="MessageReader"/>: the router,
/// the interruption hook and every prompt decide from this, and nobody matches the text again.
/// </summary>
public sealed record MessageReading
{
    /// <summary>The message as typed (trimmed).</summary>
    public required string Text { get; init; }

    /// <summary>The recognizer's answer for the whole message.</summary>
    public required Recognition Recognition { get; init; }

    /// <summary>The message split at sentence ends and at "also", "btw"…, each with its own topic.</summary>
    public required IReadOnlyList<ClauseReading> Clauses { get; init; }

    /// <summary>Distinct topics asked in separate clauses, in order, up to three (empty unless at least two).</summary>
    public required IReadOnlyList<string> Questions { get; init; }

    /// <summary>The whole message is one of the commands in messages.json.</summary>
    public required Command Command { get; init; }

    public required SocialAct Social { get; init; }

    /// <summary>The owner's cats named, in the order they were named.</summary>
    public required IReadOnlyList<CatMention> Cats { get; init; }

    /// <summary>The pronoun the message uses for a cat ("he" or "she"), when it uses just one kind.</summary>
    public required string? Pronoun { get; init; }

    /// <summary>The message says outright which the cat is ("he's a boy", "she is a she, not a they"): the pronoun is a correction.</summary>
    public bool PronounStated { get; init; }

    /// <summary>The owner's cat the pronoun fits, when exactly one of them was learned with it.</summary>
    public required string? PronounCat { get; init; }

    /// <summary>A length of time the message gives ("10 minutes", "half an hour"), read the first time it is asked for.</summary>
    public TimeSpan? Duration => DurationReading.Value;

    /// <summary>
    /// The duration model costs far more than the rest of the reading and most messages never need it, so it
    /// runs at most once, when something first asks.
    /// </summary>
    public required Lazy<TimeSpan?> DurationReading { get; init; }

    /// <summary>A step of the plan the message names ("step 4", "the fourth step").</summary>
    public required int? StepNumber { get; init; }

    /// <summary>How the cat seemed, with negation applied ("wasn't calm" is not relaxed); null when the message doesn't say.</summary>
    public required MoodReading? Mood { get; init; }

    /// <summary>The stretches of text a negation covers ("not relaxed at all").</summary>
    public required IReadOnlyList<string> NegatedSpans { get; init; }

    /// <summary>Struggles the message says did not happen ("hes not slipping out of anything"): never the topic it asks about.</summary>
    public required IReadOnlyList<string> DeniedStruggles { get; init; }

    /// <summary>A yes or no answer, when the message is one (a question with a "yes" inside is not).</summary>
    public required bool? YesNo { get; init; }

    /// <summary>A plausible new cat name the message gives ("her name is Luna", "is milo ready?").</summary>
    public required string? NewCatName { get; init; }

    /// <summary>Several new cats at once ("milo and pickle", "their names are Milo, Pickle and Tom"); empty unless two or more.</summary>
    public required IReadOnlyList<string> NewCatNames { get; init; }

    /// <summary>The message declines a question rather than answering it ("no session today", "skip", "nada").</summary>
    public required bool Declines { get; init; }

    /// <summary>The message asks to delete the owner's data ("forget me", "delete everything you know about me").</summary>
    public required bool AsksToForgetOwner { get; init; }

    /// <summary>The message asks about the shop's or clinic's own business (stock, prices, opening hours): the staff's to answer.</summary>
    public bool AboutTheBusiness { get; init; }

    /// <summary>The message asks where to get gear ("where can i buy one"): the gear advice, then who sells it.</summary>
    public bool AsksWhereToBuy { get; init; }

    /// <summary>
    /// The message asks how long a cat stays on a step ("how many days on step 3", "thats what we just did, can we try
    /// putting it on"): the step named, or the cat's own, is answered with its sign of readiness.
    /// </summary>
    public bool AsksStepPace { get; init; }

    /// <summary>A length of time asked about ("10 or 25 min per go, which is better"): a question, never a session to log.</summary>
    public bool AsksALength { get; init; }

    /// <summary>A new name for a cat the owner has ("call her Mochi", "no, it's Mochi not Late"); null when none.</summary>
    public required NameChange? Rename { get; init; }

    /// <summary>The whole message, when it is short and could be just a name ("Luna", "mr whiskers"); for the name prompt.</summary>
    public required string? BareName { get; init; }

    /// <summary>The name in an answer to the name question that says more than the name ("i said it already 😅 pudding").</summary>
    public string? NameAnswer => NameAnswerReading.Value;

    /// <summary>Read only at the name question, when something first asks.</summary>
    public required Lazy<string?> NameAnswerReading { get; init; }

    /// <summary>"en", or the code of another language the message is written in (see reading.json).</summary>
    public required string Language { get; init; }

    /// <summary>
    /// "we did 6 minutes, he hissed" is a session report even though it also sounds like a struggle: a length
    /// of time alongside a struggle, a plan topic or nothing clear (and no step number) means a session to log.
    /// </summary>
    public bool IsSessionReport => FitsASessionReport && StepNumber is null && !AsksAQuestion && Duration is not null;

    /// <summary>A "?" or a clause that opens like a question ("so 15-30 min max... how many sessions a day"): never a report.</summary>
    public required bool AsksAQuestion { get; init; }

    /// <summary>A new cat's name given in a frame only names take ("her name is Luna", "my cat luna"), for learning it in passing.</summary>
    public required string? FirmNewCatName { get; init; }

    /// <summary>The topic leaves room for a session report (a struggle, a plan topic or nothing clear).</summary>
    public required bool FitsASessionReport { get; init; }

    /// <summary>Words in the message after normalizing (lower case, contractions expanded).</summary>
    public required int WordCount { get; init; }

    /// <summary>The cats this message is about: the ones named (not negated), else the one its pronoun fits.</summary>
    public IReadOnlyList<string> CatsMeant =>
        Cats.Where(c => !c.Negated).Select(c => c.Name).ToList() is { Count: > 0 } named ? named
        : PronounCat is { } byPronoun ? [byPronoun] : [];

    /// <summary>The label the generalization sets score: what the bot will treat the message as first.</summary>
    public string Intent => Language != "en" ? "language." + Language
        : Command != Command.None ? "command." + Command.ToString().ToLowerInvariant()
        : Social != SocialAct.None && Social != SocialAct.Thanks ? "social." + Social.ToString().ToLowerInvariant()
        : Social == SocialAct.Thanks ? TopicIds.Thanks
        : IsSessionReport && Recognition.Kind != RecognitionKind.OutOfScope ? TopicIds.PlanLog
        : Recognition.Kind is RecognitionKind.Confident or RecognitionKind.Ambiguous ? Recognition.TopicId!
        : TopicIds.OutOfScope;
}
