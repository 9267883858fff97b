using System.Text.RegularExpressions;
using LeashBot.Understanding;

namespace LeashBot.Tests.Understanding;

/// <summary>
/// The typo index files words under hashes of their deletions, so it must find exactly what a search of the whole
/// vocabulary finds: these tests compare it with that search on typos of every kind made from the real content's words.
/// </summary>
public sealed partial class FuzzyMatcherTests
{
    private static readonly Lazy<Dictionary<string, int>> Vocabulary = new(() =>
    {
        var frequencies = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(RepoFiles.PathOf("dialogs"), "*.json"))
        {
            foreach (Match word in Word().Matches(File.ReadAllText(file).ToLowerInvariant()))
            {
                frequencies[word.Value] = frequencies.GetValueOrDefault(word.Value) + 1;
            }
        }

        return frequencies;
    });

    [Theory]
    [InlineData("harnes", "harness")]
    [InlineData("retractible", "retractable")]
    [InlineData("harenss", "harness")]
    [InlineData("outsdie", "outside")]
    public void Common_typos_find_their_word(string typo, string word) =>
        Assert.Equal(word, new FuzzyMatcher(Vocabulary.Value).Find(typo));

    [Theory]
    [InlineData("cat")]
    [InlineData("leash")]
    [InlineData("zzzzzzzzz")]
    [InlineData("")]
    public void Short_or_unlike_words_find_nothing_but_themselves(string word)
    {
        var found = new FuzzyMatcher(Vocabulary.Value).Find(word);
        Assert.True(found is null || found == word, $"'{word}' was corrected to '{found}'");
    }

    [Fact]
    public void Every_kind_of_typo_finds_what_a_search_of_the_whole_vocabulary_finds()
    {
        var vocabulary = Vocabulary.Value;
        var matcher = new FuzzyMatcher(vocabulary);
        var words = vocabulary.Keys.Where(w => w.Length >= FuzzyMatcher.MinLength).ToArray();
        Assert.True(words.Length > 500, $"only {words.Length} words in the content");

        var random = new Random(1125);
        var typos = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in words)
        {
            typos.Add(word);
            for (var k = 0; k < 3; k++)
            {
                var typo = word;
                var edits = random.Next(1, 4); // up to one edit more than any word may have
                for (var e = 0; e < edits; e++)
                {
                    typo = Edit(typo, random);
                }

                typos.Add(typo);
            }
        }

        var corrected = 0;
        foreach (var typo in typos)
        {
            var expected = Search(words, vocabulary, typo);
            Assert.True(expected == matcher.Find(typo), $"'{typo}': the index found '{matcher.Find(typo)}', the search '{expected}'");
            corrected += expected is not null && expected != typo ? 1 : 0;
        }

        // The comparison means something only if many typos were corrected and many were not.
        Assert.InRange(corrected, typos.Count / 10, typos.Count * 9 / 10);
    }

    private static string Edit(string word, Random random)
    {
        const string letters = "abcdefghijklmnopqrstuvwxyz";
        var at = random.Next(word.Length);
        return random.Next(4) switch
        {
            0 when word.Length > 1 => word.Remove(at, 1),
            1 => word.Insert(at, letters[random.Next(letters.Length)].ToString()),
            2 when at + 1 < word.Length => string.Concat(word.AsSpan(0, at), word.AsSpan(at + 1, 1), word.AsSpan(at, 1), word.AsSpan(at + 2)),
            _ => string.Concat(word.AsSpan(0, at), letters[random.Next(letters.Length)].ToString(), word.AsSpan(at + 1)),
        };
    }

    /// <summary>The closest word of the whole vocabulary: least distance, then most frequent, then first listed.</summary>
    private static string? Search(string[] words, Dictionary<string, int> frequencies, string typo)
    {
        var allowed = FuzzyMatcher.AllowedDistance(typo.Length);
        if (allowed == 0)
        {
            return null;
        }

        return words
            .Select((w, i) => (Word: w, Index: i, Distance: Math.Abs(w.Length - typo.Length) > allowed ? int.MaxValue : FuzzyMatcher.Distance(typo, w, allowed)))
            .Where(c => c.Distance <= allowed)
            .OrderBy(c => c.Distance).ThenByDescending(c => frequencies[c.Word]).ThenBy(c => c.Index)
            .Select(c => c.Word)
            .FirstOrDefault();
    }

    [GeneratedRegex("[a-z]+")]
    private static partial Regex Word();
}
