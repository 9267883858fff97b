namespace LeashBot.Understanding;

/// <summary>
/// The main menu's entries as choices (titles and synonyms from messages.json) and the topic each one starts.
/// A message picks an entry when it is the entry's title; a bare "2" or a near-miss of a button's words only
/// right after the menu was shown, and only in a short reply that says nothing else: a sentence is a message of its own.
/// </summary>
public sealed class MenuMatcher
{
    /// <summary>The menu entry that asks which struggle (not a recognizer topic of its own).</summary>
    public const string TroubleshootMenu = "menu.troubleshoot";

    /// <summary>The menu entry that lists the FAQ (not a recognizer topic of its own).</summary>
    public const string FaqMenu = "menu.faq";

    private const int MenuPickWords = 4;

    private readonly (Choice Choice, string Topic)[] _entries;

    public MenuMatcher(BotContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var titles = content.Messages.MenuChoices;
        var synonyms = content.Messages.MenuSynonyms;
        _entries =
        [
            (new Choice { Value = titles.Checklist, Synonyms = synonyms.Checklist }, TopicIds.Checklist),
            (new Choice { Value = titles.Plan, Synonyms = synonyms.Plan }, TopicIds.PlanStart),
            (new Choice { Value = titles.Troubleshoot, Synonyms = synonyms.Troubleshoot }, TroubleshootMenu),
            (new Choice { Value = titles.Faq, Synonyms = synonyms.Faq }, FaqMenu),
            (new Choice { Value = titles.Stories, Synonyms = synonyms.Stories }, TopicIds.Stories),
        ];
    }

    /// <summary>The menu, in order, as choices for buttons or a numbered list.</summary>
    public IList<Choice> Choices => [.. _entries.Select(e => e.Choice)];

    /// <summary>The topic a message picks from the menu, or null.</summary>
    public string? TopicFor(MessageReading reading, bool menuWasShown)
    {
        ArgumentNullException.ThrowIfNull(reading);
        var found = ChoiceRecognizer.Recognize(reading.Text, Choices.ToList());
        if (found is null)
        {
            return null;
        }

        var exactTitle = string.Equals(reading.Text.Trim().TrimEnd('.', '!', '?'), _entries[found.Index].Choice.Value, StringComparison.OrdinalIgnoreCase);
        // A bare "3" right after the menu is its third entry, whatever else a number might mean.
        if (exactTitle || (menuWasShown && found.Score >= 1.0 && reading.WordCount <= 2))
        {
            return _entries[found.Index].Topic;
        }

        // "my cat froze" shares words with "Is my cat ready?", but it says something of its own.
        var saysSomethingElse = reading.Recognition.Kind == RecognitionKind.Confident && reading.Recognition.TopicId != _entries[found.Index].Topic;
        return menuWasShown && reading.WordCount <= MenuPickWords && !saysSomethingElse ? _entries[found.Index].Topic : null;
    }
}
