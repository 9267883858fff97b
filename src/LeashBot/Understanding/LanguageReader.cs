namespace LeashBot.Understanding;

/// <summary>"en", or another language when its own words clearly outnumber chance (reading.json's languages; a lone "hola" counts).</summary>
internal sealed class LanguageReader
{
    private readonly TopicRecognizer _recognizer;
    private readonly (string Code, string[][] Strong, HashSet<string> Words)[] _languages;
    private readonly HashSet<string> _strongFirstWords;

    public LanguageReader(IEnumerable<LanguageWords> languages, ChatClauses words, TopicRecognizer recognizer)
    {
        _recognizer = recognizer;
        _languages = [.. languages.Select(l => (l.Code, l.Strong.Select(p => words.Words(p).ToArray()).Where(p => p.Length > 0).ToArray(), l.Words.ToHashSet(StringComparer.Ordinal)))];
        _strongFirstWords = [.. _languages.SelectMany(l => l.Strong.Select(p => p[0]))];
    }

    /// <summary>The language of a message: "en" unless another's own words clearly outnumber chance.</summary>
    public string Of(string text, List<string> words)
    {
        if (words.Count == 0)
        {
            return "en";
        }

        // Most messages have none of the other languages' own words: nothing more to check.
        var anyStrong = false;
        foreach (var word in words)
        {
            anyStrong |= _strongFirstWords.Contains(word);
        }

        if (!anyStrong)
        {
            return "en";
        }

        var best = ("en", 0, 0);
        foreach (var (language, strongPhrases, commonWords) in _languages)
        {
            var strong = 0;
            foreach (var phrase in strongPhrases)
            {
                for (var i = 0; i < words.Count; i++)
                {
                    if (NameRules.StartsAt(words, i, phrase))
                    {
                        strong++;
                        break;
                    }
                }
            }

            var common = 0;
            foreach (var word in words)
            {
                common += commonWords.Contains(word) ? 1 : 0;
            }

            var score = (2 * strong) + common;
            if (strong > 0 && score > best.Item2)
            {
                best = (language, score, strong);
            }
        }

        var (code, bestScore, strongHits) = best;
        var clear = bestScore >= 4 && bestScore * 2 >= words.Count;
        var lone = words.Count <= 2 && strongHits > 0 && _recognizer.Recognize(text).Kind != RecognitionKind.Confident;
        return clear || lone ? code : "en";
    }
}
