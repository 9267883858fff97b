
namespace LeashBot.Understanding;

/// <summary>
/// Questions about the shop's or clinic's own business ("do u have the H harness in stock", "whats ur opening hours",
/// "how much r the leads"), from understanding.json's business phrases, matched on whole words with chat shorthand
/// spelled out. Such a question is the staff's to answer, whatever gear it names.
/// </summary>
internal sealed class BusinessQuestions(GlobalSettings global)
{
    private readonly PhraseList _phrases = new(global.BusinessQuestions);
    private readonly Dictionary<string, string> _shorthand = global.Shorthand;

    /// <summary>True when <paramref name="text"/> asks about the business itself.</summary>
    public bool Asks(string text)
    {
        var words = new List<string>();
        foreach (var word in PhraseList.Words(text))
        {
            if (_shorthand.TryGetValue(word, out var full))
            {
                words.AddRange(full.Split(' '));
            }
            else
            {
                words.Add(word);
            }
        }

        return _phrases.IsIn([.. words]);
    }
}
