namespace LeashBot.Understanding;

/// <summary>Which animals a message names: a cat (a cat word or one of the owner's cats), another animal, both or neither.</summary>
[Flags]
public enum Animals
{
    None = 0,
    Cat = 1,
    Other = 2,
}

/// <summary>
/// The one place the word-list reading and the semantic head meet. Messages the word lists settle (commands,
/// yes/no, step numbers, chat, other languages, names, session reports) never reach the model (see
/// <see cref="MessageReader"/>). Here: a topic the word lists are certain of stands without asking the model; a clear
/// "out of scope" from the head comes next; then a topic the word lists are sure of; then the head's clear topic;
/// then any topic the word lists were confident of; then "did you mean" with the head's two best; else the word
/// lists' own "did you mean", or "that's not something I know". Thresholds: <see cref="SemanticOptions"/>.
/// Other animals: a message about another animal with no cat in it ("my dog keeps chewing his lead") gets no topic
/// from the word lists' certainty alone, since their topic words may be about that animal: the head decides. A message
/// with the cat and another animal that the word lists place in a topic ("can she walk with the dog?") is never sent to
/// "not something I know".
/// </summary>
public sealed class SemanticDecision(SemanticReader semantic)
{
    public SemanticReader Reader => semantic;

    public Recognition Decide(string text, Recognition lexical, Animals animals = Animals.None, IReadOnlyCollection<string>? catNames = null, string standIn = " ")
    {
        ArgumentNullException.ThrowIfNull(lexical);
        text = WithoutCatNames(text, catNames, standIn);
        var o = semantic.Options;
        var lexicalInScope = lexical is { Kind: RecognitionKind.Confident or RecognitionKind.Ambiguous } && lexical.TopicId is not (null or TopicIds.OutOfScope);
        var otherAnimalAlone = animals == Animals.Other;
        var keepInScope = animals == (Animals.Cat | Animals.Other) && lexicalInScope;
        var lexicalTopic = lexical is { Kind: RecognitionKind.Confident, TopicId: not TopicIds.OutOfScope } && !otherAnimalAlone ? lexical.Confidence : 0;
        if (lexicalTopic >= o.LexicalAlwaysWins)
        {
            return lexical;
        }

        var reading = semantic.Read(text);
        var candidates = reading.Topics.Where(t => t.TopicId != TopicIds.OutOfScope).Take(3).Select(t => t with { Score = Math.Round(t.Score, 4) }).ToList();

        // A clear "not mine" beats a word-list topic that isn't certain ("how do i stop my puppy biting" isn't chewing).
        // About another animal alone, a much smaller chance of "not mine" is enough: the cat's topics must be clearly meant.
        var outOfScope = reading.Topics.First(t => t.TopicId == TopicIds.OutOfScope).Score;
        // Dogs met on a walk are the safety topic's own business: both readers placing a message about another animal there ("a
        // dog off its lead comes running at us") settles it.
        var bothAgree = lexical is { Kind: RecognitionKind.Confident, TopicId: TopicIds.FaqSafety } && reading.Best.TopicId == TopicIds.FaqSafety && reading.Best.Score >= o.Confident;
        var clearlyNotMine = otherAnimalAlone ? outOfScope >= o.OtherAnimalOutOfScope && !bothAgree : reading.Best.TopicId == TopicIds.OutOfScope && outOfScope >= o.OutOfScope;
        if (clearlyNotMine && !keepInScope)
        {
            return new Recognition(TopicIds.OutOfScope, outOfScope, RecognitionKind.OutOfScope, candidates);
        }

        if (lexicalTopic >= o.LexicalWins && !Overrules(reading, lexical.TopicId!, o))
        {
            return lexical;
        }

        var top = candidates[0];
        if (top.Score >= o.Confident)
        {
            return new Recognition(top.TopicId, top.Score, RecognitionKind.Confident, candidates);
        }

        // The head isn't sure either: a topic the word lists settled on stands, unless the head gives it next to no chance
        // ("i was gardening all day" has "all day" in it, but nothing about wearing a harness): one incidental word is
        // no answer, and the owner hears "not sure" instead. Only advice is doubted so: cats and the plan have their own checks.
        var lexicalDoubted = lexicalTopic > 0 && lexical.Kind == RecognitionKind.Confident && IsAdvice(lexical.TopicId!) && Chance(reading, lexical.TopicId!) <= o.HeadDoubts;
        if (lexicalTopic > 0 && lexical.Kind == RecognitionKind.Confident && !lexicalDoubted)
        {
            return lexical;
        }

        if (top.Score + candidates[1].Score >= o.DidYouMean)
        {
            return new Recognition(top.TopicId, top.Score, RecognitionKind.Ambiguous, candidates);
        }

        // Another animal alone, and both readers put the message in the same topic ("could she walk with our lab?": the
        // safety topic covers walking with the family dog): the topic stands.
        if (otherAnimalAlone && lexical is { Kind: RecognitionKind.Confident, TopicId: { } agreed } && agreed == top.TopicId)
        {
            return lexical;
        }

        if (lexicalDoubted && reading.Best.TopicId != TopicIds.OutOfScope)
        {
            return new Recognition(null, top.Score, RecognitionKind.Unsure, candidates);
        }

        // Nothing in scope is likely: the word lists' own reading if it may stand, else "not something I know".
        return keepInScope || (lexical.Kind == RecognitionKind.Ambiguous && !otherAnimalAlone) ? lexical
            : new Recognition(TopicIds.OutOfScope, outOfScope, RecognitionKind.OutOfScope, candidates);
    }

    /// <summary>
    /// "starting to think it's pointless" has "point" in it, but it isn't a question about why to walk a cat: the head is
    /// clearly for another topic and gives the word lists' topic next to no chance.
    /// </summary>
    private static bool Overrules(SemanticReading reading, string lexicalTopic, SemanticOptions o) =>
        reading.Best.TopicId != TopicIds.OutOfScope && reading.Best.TopicId != lexicalTopic && reading.Best.Score >= o.HeadOverrules
        && Chance(reading, lexicalTopic) <= o.HeadDoubts;

    /// <summary>A topic answered with a piece of advice (an FAQ answer or a struggle's), not an action on the owner's cats or plan.</summary>
    private static bool IsAdvice(string topic) => topic.StartsWith("faq.", StringComparison.Ordinal) || topic.StartsWith("struggle.", StringComparison.Ordinal);

    /// <summary>The head's probability for <paramref name="topic"/> (0 for a topic it has no class for).</summary>
    private static double Chance(SemanticReading reading, string topic) =>
        reading.Topics.FirstOrDefault(t => t.TopicId == topic)?.Score ?? 0;

    /// <summary>
    /// The message with the owner's own cats' names that are also words of the content (the caller picks them) read as
    /// <paramref name="standIn"/> (reading.json catNameStandIn, "my cat"): a cat called Milo or Juniper is the owner's
    /// cat, never a cue for the story cats of the same name.
    /// </summary>
    private static string WithoutCatNames(string text, IReadOnlyCollection<string>? catNames, string standIn)
    {
        foreach (var name in catNames ?? [])
        {
            if (!string.IsNullOrWhiteSpace(name))
            {
                text = System.Text.RegularExpressions.Regex.Replace(text, $@"\b{System.Text.RegularExpressions.Regex.Escape(name.Trim())}(?:'?s)?\b", standIn,
                    System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant);
            }
        }

        return text;
    }
}
