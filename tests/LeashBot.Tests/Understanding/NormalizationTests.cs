using LeashBot.Understanding;

namespace LeashBot.Tests.Understanding;

public sealed class NormalizationTests
{
    private static string Terms(string text, params string[] cats)
    {
        var terms = new List<string?>();
        var ends = new List<int>();
        RepoFiles.Recognizer.Normalizer.Normalize(text, cats.Length == 0 ? null : cats, terms, ends);
        return string.Join(" ", terms.Select(t => t ?? "?"));
    }

    [Theory]
    [InlineData("won't", "will not")]
    [InlineData("wont", "will not")]
    [InlineData("Won’t", "will not")]
    [InlineData("can't", "can not")]
    [InlineData("cant", "can not")]
    [InlineData("doesn't", "does not")]
    [InlineData("doesnt", "does not")]
    [InlineData("she's", "she is")]
    public void Contractions_are_expanded_with_and_without_apostrophes(string contraction, string expansion) =>
        Assert.Equal(Terms(expansion), Terms(contraction));

    [Theory]
    [InlineData("freeze", "froze", "frozen", "freezes", "freezing")]
    [InlineData("walk", "walks", "walked", "walking", "walk")]
    [InlineData("chew", "chews", "chewed", "chewing", "chew")]
    [InlineData("sit", "sits", "sitting", "sat", "sit")]
    [InlineData("escape", "escapes", "escaped", "escaping", "escape")]
    [InlineData("harness", "harnesses", "harness", "harness", "harness")]
    [InlineData("try", "tries", "tried", "trying", "try")]
    public void Word_forms_share_a_stem(string baseForm, params string[] forms)
    {
        var stem = EnglishStemmer.Stem(baseForm);
        Assert.All(forms, f => Assert.Equal(stem, EnglishStemmer.Stem(f)));
    }

    [Fact]
    public void Limping_and_going_limp_stay_apart() =>
        Assert.NotEqual(EnglishStemmer.Stem("limp"), EnglishStemmer.Stem("limping"));

    [Theory]
    [InlineData("harnes", "harness")]
    [InlineData("retractible", "retractable")]
    [InlineData("limpin", "limping")]
    [InlineData("hisssing", "hissing")]
    [InlineData("heyy", "hey")]
    public void Typos_are_corrected_against_the_vocabulary(string typo, string word) =>
        Assert.Equal(Terms(word), Terms(typo));

    [Theory]
    [InlineData("breed")]
    [InlineData("stuff")]
    public void Real_words_are_not_bent_into_vocabulary_words(string word) => Assert.Equal("?", Terms(word));

    [Fact]
    public void Synonyms_fold_onto_one_term()
    {
        Assert.Equal(Terms("harness"), Terms("vest"));
        Assert.Equal(Terms("leash"), Terms("tether"));
        Assert.Equal(Terms("retractable"), Terms("flexi"));
        Assert.Equal(Terms("freeze"), Terms("statue"));
    }

    [Fact]
    public void Cat_names_fillers_emoji_and_unknown_capitalized_words_are_left_out()
    {
        Assert.Equal(Terms("froze"), Terms("Milo froze", "Milo"));
        Assert.Equal(Terms("froze"), Terms("milo froze", "Milo"));
        Assert.Equal(Terms("she froze at the park"), Terms("she froze at the Zorblax park"));
        Assert.Equal(Terms("she froze"), Terms("um she like froze 😿"));
    }

    [Fact]
    public void Sentences_are_split()
    {
        var terms = new List<string?>();
        var ends = new List<int>();
        RepoFiles.Recognizer.Normalizer.Normalize("hi! my cat froze. what now?", null, terms, ends);
        Assert.Equal(3, ends.Count);
    }
}
