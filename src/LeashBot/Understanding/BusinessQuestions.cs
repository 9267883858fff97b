
namespace LeashBot.Understanding;

/// <summary>
/// Questions about the shop's or clinic's own business ("do u have the H harness in stock", "whats ur opening hours",
/// "how much r the leads"), from understanding.json's business phrases, matched on whole words with chat shorthand
/// spelled out. Such a question is the staff's to answer, whatever gear it names; a training question asked beside it
/// ("… in stock and how tight should it be") is the bot's (<see cref="Rest"/>).
/// </summary>
internal sealed class BusinessQuestions(GlobalSettings global)
{
    private static readonly char[] SentenceEnds = ['.', '?', '!', ';', ',', '\n'];

    private readonly PhraseList _phrases = new(global.BusinessQuestions);
    private readonly PhraseList _joins = new(global.BusinessQuestionJoins);
    private readonly Dictionary<string, string> _shorthand = global.Shorthand;

    /// <summary>True when <paramref name="text"/> asks about the business itself.</summary>
    public bool Asks(string text) => _phrases.IsIn(Spelled(PhraseList.Words(text)));

    /// <summary>
    /// What the message says besides the business question, cut at sentence ends and at the joins ("and", "also"):
    /// the parts that name no business of the shop's, or null when there are none.
    /// </summary>
    public string? Rest(string text)
    {
        var rest = new List<string>();
        foreach (var sentence in text.Split(SentenceEnds, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var words = PhraseList.Words(sentence);
            var start = 0;
            var i = 0;
            while (start < words.Length)
            {
                var join = i < words.Length ? _joins.LengthAt(words, i) : 0;
                if (i < words.Length && join == 0)
                {
                    i++;
                    continue;
                }

                var part = words[start..i];
                if (part.Length > 0 && !_phrases.IsIn(Spelled(part)))
                {
                    rest.Add(string.Join(' ', part));
                }

                start = i = i + Math.Max(join, 1);
            }
        }

        return rest.Count == 0 ? null : string.Join(". ", rest);
    }

    private string[] Spelled(string[] words)
    {
        var spelled = new List<string>(words.Length);
        foreach (var word in words)
        {
            if (_shorthand.TryGetValue(word, out var full))
            {
                spelled.AddRange(full.Split(' '));
            }
            else
            {
                spelled.Add(word);
            }
        }

        return [.. spelled];
    }
}
