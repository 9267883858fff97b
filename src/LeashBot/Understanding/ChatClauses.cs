namespace LeashBot.Understanding;

/// <summary>
/// The message reader's words, on the shared chat lexer (<see cref="ChatLexer"/>): lower case, contractions expanded
/// ("wasn't" → "was not"), emoji as words of their own, "," kept as a soft break, and clauses split at sentence ends and
/// at words like "also" or "btw" that start a new question. Immutable once built; thread-safe.
/// </summary>
internal sealed class ChatClauses
{
    private readonly Dictionary<string, string> _contractions;
    private readonly PhraseIndex<bool> _breaks = new([]);

    public ChatClauses(IReadOnlyDictionary<string, string> contractions, IEnumerable<string> clauseBreaks)
    {
        _contractions = new Dictionary<string, string>(contractions, StringComparer.Ordinal);
        _breaks = Index(clauseBreaks);
    }

    /// <summary>True when the word is one the contractions list expands.</summary>
    public bool IsContraction(string word) => _contractions.ContainsKey(word);

    /// <summary>Lower-case words, contractions expanded, emoji as words, no commas.</summary>
    public List<string> Words(string? text) => [.. Of(text ?? "").SelectMany(c => c).Where(w => w != ",")];

    /// <summary>The stems of a phrase's words.</summary>
    public string[] Stems(string phrase) => [.. Words(phrase).Select(EnglishStemmer.Stem)];

    /// <summary>Phrases by their words, longest first.</summary>
    public PhraseIndex<bool> Index(IEnumerable<string> phrases) =>
        new(phrases.Select(p => (Words(p).ToArray(), true)).OrderByDescending(p => p.Item1.Length));

    /// <summary>The clauses of a text: split at sentence ends and at words like "also" or "btw" that start a new question.</summary>
    public List<List<string>> Of(string text)
    {
        var clauses = new List<List<string>>();
        var current = new List<string>();
        var word = new StringBuilder();

        void EndWord()
        {
            if (word.Length == 0)
            {
                return;
            }

            var w = word.ToString();
            word.Clear();
            if (_contractions.TryGetValue(w, out var expanded))
            {
                current.AddRange(expanded.Split(' ', StringSplitOptions.RemoveEmptyEntries));
            }
            else
            {
                current.Add(w.Trim('\''));
            }
        }

        void EndClause()
        {
            EndWord();
            while (current.Count > 0 && current[^1] == ",")
            {
                current.RemoveAt(current.Count - 1);
            }

            if (current.Count > 0)
            {
                clauses.Add(current);
                current = [];
            }
        }

        // Text elements as slices of the text: a string per character made this most of what reading a message allocated.
        var normalized = text.Normalize(NormalizationForm.FormC);
        for (var at = 0; at < normalized.Length;)
        {
            var length = StringInfo.GetNextTextElementLength(normalized.AsSpan(at));
            var element = normalized.AsSpan(at, length);
            at += length;
            var ch = element[0];
            if (char.IsLetterOrDigit(ch) || (ChatLexer.IsApostrophe(ch) && word.Length > 0))
            {
                word.Append(ChatLexer.IsApostrophe(ch) ? '\'' : char.ToLowerInvariant(ch));
                if (element.Length > 1 && char.IsLetter(ch))
                {
                    word.Append(element[1..].ToString().ToLowerInvariant());
                }
            }
            else if (ChatLexer.IsSentenceEnd(ch))
            {
                EndClause();
            }
            else if (char.IsWhiteSpace(ch) || ChatLexer.IsApostrophe(ch) || ch is '-' or '"' or '(' or ')' or ':' or '/' or '*' or '~' or '_')
            {
                EndWord();
            }
            else if (ch is ',')
            {
                EndWord();
                if (current.Count > 0 && current[^1] != ",")
                {
                    current.Add(",");
                }
            }
            else
            {
                // An emoji or symbol is a word of its own ("ok 👍"); variation selectors are dropped.
                EndWord();
                var symbol = element.ToString().Replace("\uFE0F", "", StringComparison.Ordinal);
                if (symbol.Length > 0)
                {
                    current.Add(symbol);
                }
            }
        }

        EndClause();
        return SplitAtBreaks(clauses);
    }

    private List<List<string>> SplitAtBreaks(List<List<string>> clauses)
    {
        var result = new List<List<string>>(clauses.Count);
        foreach (var clause in clauses)
        {
            var start = 0;
            for (var i = 1; i < clause.Count; i++)
            {
                foreach (var (phrase, _, _) in _breaks.StartingWith(clause[i]))
                {
                    if (NameRules.StartsAt(clause, i, phrase) && i + phrase.Length < clause.Count && i > start)
                    {
                        result.Add(clause[start..i].Where(w => w != ",").ToList() is { Count: > 0 } part ? part : []);
                        start = i + phrase.Length;
                        i = start;
                        break;
                    }
                }
            }

            result.Add(clause[start..]);
        }

        result.RemoveAll(c => c.All(w => w == ","));
        return result;
    }
}
