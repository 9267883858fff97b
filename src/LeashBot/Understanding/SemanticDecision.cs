namespace LeashBot.Understanding;

/// <summary>
/// The one place the word-list reading and the semantic head meet. Messages the word lists settle (commands,
/// yes/no, step numbers, chat, other languages, names, session reports) never reach the model (see
/// <see cref="MessageReader"/>). Here: a topic the word lists are certain of stands without asking the model; a clear
/// "out of scope" from the head comes next; then a topic the word lists are sure of; then the head's clear topic;
/// then any topic the word lists were confident of; then "did you mean" with the head's two best; else the word
/// lists' own "did you mean", or "that's not something I know". Thresholds: <see cref="SemanticOptions"/>.
/// </summary>
public sealed class SemanticDecision(SemanticReader semantic)
{
    public SemanticReader Reader => semantic;

    public Recognition Decide(string text, Recognition lexical)
    {
        ArgumentNullException.ThrowIfNull(lexical);
        var o = semantic.Options;
        var lexicalTopic = lexical is { Kind: RecognitionKind.Confident, TopicId: not TopicIds.OutOfScope } ? lexical.Confidence : 0;
        if (lexicalTopic >= o.LexicalAlwaysWins)
        {
            return lexical;
        }

        var reading = semantic.Read(text);
        var best = reading.Best;
        var candidates = reading.Topics.Where(t => t.TopicId != TopicIds.OutOfScope).Take(3).Select(t => t with { Score = Math.Round(t.Score, 4) }).ToList();

        // A clear "not mine" beats a word-list topic that isn't certain ("how do i stop my puppy biting" isn't chewing).
        if (best.TopicId == TopicIds.OutOfScope && best.Score >= o.OutOfScope)
        {
            return new Recognition(TopicIds.OutOfScope, best.Score, RecognitionKind.OutOfScope, candidates);
        }

        if (lexicalTopic >= o.LexicalWins)
        {
            return lexical;
        }

        var top = candidates[0];
        if (top.Score >= o.Confident)
        {
            return new Recognition(top.TopicId, top.Score, RecognitionKind.Confident, candidates);
        }

        // The head isn't sure either: a topic the word lists settled on stands.
        if (lexical.Kind == RecognitionKind.Confident && lexical.TopicId != TopicIds.OutOfScope)
        {
            return lexical;
        }

        if (top.Score + candidates[1].Score >= o.DidYouMean)
        {
            return new Recognition(top.TopicId, top.Score, RecognitionKind.Ambiguous, candidates);
        }

        // Nothing in scope is likely: the word lists' own "did you mean" if they have one, else "not something I know".
        return lexical.Kind == RecognitionKind.Ambiguous ? lexical
            : new Recognition(TopicIds.OutOfScope, reading.Topics.First(t => t.TopicId == TopicIds.OutOfScope).Score, RecognitionKind.OutOfScope, candidates);
    }
}
