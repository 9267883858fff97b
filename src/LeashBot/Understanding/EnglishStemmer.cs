using System.Collections.Frozen;

namespace LeashBot.Understanding;

/// <summary>
/// A small English stemmer: irregular forms to their base word, then a few suffix rules, so that
/// froze / freezes / frozen / freezing / freeze all become "freez". It only has to be consistent
/// (the same stem for every form of a word), not produce dictionary words.
/// </summary>
public static class EnglishStemmer
{
    // Irregular forms to a base form, which then goes through the suffix rules.
    private static readonly FrozenDictionary<string, string> Irregular = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["froze"] = "freeze", ["frozen"] = "freeze",
        ["ate"] = "eat", ["eaten"] = "eat",
        ["bit"] = "bite", ["bitten"] = "bite",
        ["sat"] = "sit",
        ["lay"] = "lie", ["lain"] = "lie", ["lying"] = "lie", ["lies"] = "lie", ["lied"] = "lie",
        ["went"] = "go", ["gone"] = "go", ["goes"] = "go", ["going"] = "go",
        ["ran"] = "run", ["hid"] = "hide", ["hidden"] = "hide",
        ["fell"] = "fall", ["fallen"] = "fall",
        ["got"] = "get", ["gotten"] = "get",
        ["did"] = "do", ["done"] = "do", ["does"] = "do", ["doing"] = "doing",
        ["made"] = "make", ["threw"] = "throw", ["thrown"] = "throw",
        ["bled"] = "bleed", ["caught"] = "catch", ["brought"] = "bring",
        ["took"] = "take", ["taken"] = "take", ["gave"] = "give", ["given"] = "give",
        ["came"] = "come", ["saw"] = "see", ["seen"] = "see", ["felt"] = "feel", ["kept"] = "keep",
        ["shook"] = "shake", ["shaken"] = "shake", ["began"] = "begin", ["begun"] = "begin",
        ["stood"] = "stand", ["told"] = "tell", ["thought"] = "think", ["bought"] = "buy",
        ["tied"] = "tie", ["ties"] = "tie", ["tying"] = "tie", ["died"] = "die", ["dies"] = "die", ["dying"] = "die",
        ["slid"] = "slide", ["stung"] = "sting", ["swallowed"] = "swallow",
        ["was"] = "be", ["were"] = "be", ["is"] = "be", ["are"] = "be", ["am"] = "be", ["been"] = "be", ["being"] = "be",
        ["has"] = "have", ["had"] = "have", ["having"] = "have",
        ["children"] = "child", ["mice"] = "mouse", ["feet"] = "foot", ["teeth"] = "tooth",
        ["used"] = "use", ["uses"] = "use",
        ["better"] = "good", ["best"] = "good",
        // "limping" is a red flag; "goes limp" (flops) is a training struggle: keep them apart.
        ["limping"] = "limping", ["limped"] = "limping", ["limpin"] = "limping",
        ["dilated"] = "dilated", ["dilating"] = "dilated", ["dilate"] = "dilated",
        ["news"] = "news", ["always"] = "always", ["this"] = "this", ["his"] = "his", ["hers"] = "her", ["its"] = "its",
        ["yes"] = "yes", ["us"] = "us", ["bus"] = "bus", ["gas"] = "gas", ["plus"] = "plus", ["thus"] = "thus",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Returns the stem of a lower-case word.</summary>
    public static string Stem(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (Irregular.TryGetValue(word, out var baseForm))
        {
            // A form mapped to itself (limping, dilated) is final.
            if (Irregular.TryGetValue(baseForm, out var again) && again == baseForm)
            {
                return baseForm;
            }

            word = baseForm;
        }

        if (word.Length <= 3 || !IsAlpha(word))
        {
            return word;
        }

        var w = word.AsSpan();
        var stripped = false;
        if (w.EndsWith("ies") && w.Length > 4)
        {
            return string.Concat(w[..^3], "y");
        }

        if (w.EndsWith("ied") && w.Length > 4)
        {
            return string.Concat(w[..^3], "y");
        }

        if (w.EndsWith("ing") && HasVowel(w[..^3]) && w.Length - 3 >= 3)
        {
            w = w[..^3];
            stripped = true;
        }
        else if (w.EndsWith("ed") && HasVowel(w[..^2]) && w.Length - 2 >= 3)
        {
            w = w[..^2];
            stripped = true;
        }
        else if (w.EndsWith("es") && w.Length > 4 && EndsWithSibilant(w[..^2]))
        {
            w = w[..^2];
        }
        else if (w.EndsWith("s") && !w.EndsWith("ss") && !w.EndsWith("us") && !w.EndsWith("is") && w.Length > 3)
        {
            w = w[..^1];
        }
        else if (w.EndsWith("ly") && w.Length > 5)
        {
            w = w[..^2];
        }

        // stopp -> stop, sitt -> sit; but keep hiss, fall, buzz.
        if (stripped && w.Length >= 3 && w[^1] == w[^2] && !IsVowel(w[^1]) && w[^1] is not ('l' or 's' or 'z'))
        {
            w = w[..^1];
        }

        if (w.Length > 3 && w[^1] == 'e')
        {
            w = w[..^1];
        }

        return w.Length == word.Length ? word : w.ToString();
    }

    private static bool IsAlpha(string word)
    {
        foreach (var c in word)
        {
            if (!char.IsAsciiLetterLower(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';

    private static bool HasVowel(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (IsVowel(c))
            {
                return true;
            }
        }

        return false;
    }

    private static bool EndsWithSibilant(ReadOnlySpan<char> s) =>
        s.EndsWith("s") || s.EndsWith("x") || s.EndsWith("z") || s.EndsWith("ch") || s.EndsWith("sh");
}
