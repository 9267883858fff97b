namespace LeashBot.Content.Rules;

/// <summary>Rules between content files, checked once every file has loaded.</summary>
internal static class CrossFileRules
{
    /// <summary>
    /// Every struggle and FAQ answer needs a topic the recognizer knows, and every topic needs a title
    /// (its struggle or answer title, or an entry in messages.json topicTitles) for "did you mean" choices.
    /// </summary>
    public static IEnumerable<string> EveryTopicAnswered(UnderstandingContent understanding, MessagesContent messages, TroubleshootingContent troubleshooting, FaqContent faq)
    {
        var topics = understanding.Topics.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var id in troubleshooting.Struggles.Select(s => s.Id).Concat(faq.Answers.Select(a => a.Id)))
        {
            if (!topics.Contains(id))
            {
                yield return $"dialogs/understanding.json: there is no topic '{id}', so owners could never reach that answer by typing.";
            }
        }

        var titled = troubleshooting.Struggles.Select(s => s.Id).Concat(faq.Answers.Select(a => a.Id)).Concat(messages.TopicTitles.Keys).ToHashSet(StringComparer.Ordinal);
        foreach (var id in topics.Where(t => !titled.Contains(t)))
        {
            yield return $"dialogs/messages.json (topicTitles): the topic '{id}' needs a title for \"did you mean\" choices.";
        }
    }
    /// <summary>Every language the reader recognizes needs its "I speak English for now" reply, in that language.</summary>
    public static IEnumerable<string> EveryLanguageAnswered(ReadingContent reading, MessagesContent messages)
    {
        foreach (var language in reading.Languages.Where(l => !messages.OtherLanguage.ContainsKey(l.Code)))
        {
            yield return $"dialogs/messages.json (otherLanguage): the language '{language.Code}' from reading.json needs a reply.";
        }
    }
}
