using LeashBot.State;
using LeashBot.Understanding;
using Xunit.Abstractions;

namespace LeashBot.Tests.Understanding;

/// <summary>What the reader gets out of one message: names, cats, mood with negation, chat, steps, language, several questions.</summary>
public sealed class MessageReadingTests(ITestOutputHelper output)
{
    private static readonly List<CatProfile> MiloAndPickle =
    [
        new() { Name = "Milo", Pronoun = "he" },
        new() { Name = "Pickle", Pronoun = "she" },
    ];

    private MessageReading Read(string text, List<CatProfile>? cats = null)
    {
        var reading = RepoFiles.Reader.Read(text, cats);
        output.WriteLine($"{text} -> intent {reading.Intent}, mood {reading.Mood}, name {reading.NewCatName}/{reading.BareName}, cats [{string.Join(", ", reading.Cats)}], pronoun {reading.Pronoun}->{reading.PronounCat}, step {reading.StepNumber}, social {reading.Social}, yesno {reading.YesNo}, questions [{string.Join(", ", reading.Questions)}], lang {reading.Language}, negated [{string.Join(" | ", reading.NegatedSpans)}]");
        return reading;
    }

    [Theory]
    [InlineData("is milo ready for leash training? he's 3", "Milo")]
    [InlineData("my cat's name isnt ok its biscuit", "Biscuit")]
    [InlineData("her name is luna!", "Luna")]
    [InlineData("it's Pepper, not Ok", "Pepper")]
    [InlineData("can biscuit learn this?", "Biscuit")]
    [InlineData("mr whiskers", "Mr Whiskers")]
    [InlineData("Zoë", "Zoë")]
    public void Names_are_found_after_lead_ins_and_in_questions(string text, string name)
    {
        var reading = Read(text);
        Assert.Equal(name, reading.NewCatName ?? reading.BareName);
    }

    [Theory]
    [InlineData("ok")]
    [InlineData("idk")]
    [InlineData("thanks")]
    [InlineData("okay 👍")]
    [InlineData("i dont know")]
    [InlineData("sad")]
    [InlineData("what is this")]
    [InlineData("is my cat ready for leash training")]
    [InlineData("harness")]
    public void Filler_feelings_and_sentences_are_never_names(string text)
    {
        var reading = Read(text);
        Assert.Null(reading.NewCatName);
        Assert.Null(reading.BareName);
    }

    [Theory]
    [InlineData("we did 10 minutes, he was not relaxed at all", Mood.Unsure)]
    [InlineData("he wasn't calm, kept flattening his ears", Mood.Stressed)]
    [InlineData("she was super relaxed and curious", Mood.Relaxed)]
    [InlineData("not happy at all", Mood.Stressed)]
    [InlineData("he didnt seem relaxed", Mood.Unsure)]
    [InlineData("a bit nervous but ok", Mood.Unsure)]
    public void Mood_follows_negation(string text, Mood mood) => Assert.Equal(mood, Read(text).Mood?.Mood);

    [Theory]
    [InlineData("what?? i didnt do anything")]
    [InlineData("he didn't hiss this time")]
    public void A_message_without_a_mood_has_none(string text) => Assert.Null(Read(text).Mood);

    [Fact]
    public void A_pronoun_learned_for_one_cat_settles_which_cat()
    {
        var reading = Read("we did 10 minutes, she was relaxed", MiloAndPickle);
        Assert.Equal(["Pickle"], reading.CatsMeant);
    }

    [Fact]
    public void A_name_typed_without_its_accent_is_the_same_cat() =>
        Assert.Equal(["Zoë"], Read("how is zoe doing", [new() { Name = "Zoë" }]).CatsMeant);

    [Fact]
    public void Named_cats_come_in_order_and_a_negated_one_is_marked()
    {
        var reading = Read("that was pickle not milo!!", MiloAndPickle);
        Assert.Equal([new CatMention("Pickle", false), new CatMention("Milo", true)], reading.Cats);
        Assert.Equal(["Milo", "Pickle"], Read("progress for milo and pickle", MiloAndPickle).CatsMeant);
    }

    [Theory]
    [InlineData("thanks, that's all for today", SocialAct.Goodbye)]
    [InlineData("bye", SocialAct.Goodbye)]
    [InlineData("gotta go feed these gremlins", SocialAct.Goodbye)]
    [InlineData("ok 👍", SocialAct.Acknowledgement)]
    [InlineData("lol", SocialAct.Laughter)]
    [InlineData("thank you so much!!", SocialAct.Thanks)]
    [InlineData("do i have to go outside with her on a leash", SocialAct.None)]
    [InlineData("how long should the first outdoor session be", SocialAct.None)]
    public void Chat_is_told_apart_from_questions(string text, SocialAct act) => Assert.Equal(act, Read(text).Social);

    [Theory]
    [InlineData("hola, mi gato tiene miedo del arnés", "es")]
    [InlineData("bonjour, mon chat a peur de la laisse", "fr")]
    [InlineData("hallo, meine katze mag das geschirr nicht", "de")]
    [InlineData("olá, meu gato tem medo da coleira", "pt")]
    [InlineData("my cat froze on the porch", "en")]
    [InlineData("can we chat about the harness", "en")]
    public void Other_languages_are_recognized(string text, string language) => Assert.Equal(language, Read(text).Language);

    [Theory]
    [InlineData("what's step 4?", 4)]
    [InlineData("tell me about the fourth step", 4)]
    [InlineData("what comes after the harness?", 2)]
    public void Step_numbers_are_read(string text, int step) => Assert.Equal(step, Read(text).StepNumber);

    [Fact]
    public void Several_questions_are_kept_in_order()
    {
        var reading = Read("kinda. how do i check the fit? also she hisses at every car");
        Assert.Equal(2, reading.Questions.Count);
        Assert.Equal("faq.fit", reading.Questions[0]);
        Assert.StartsWith("struggle.", reading.Questions[1], StringComparison.Ordinal);
        Assert.Null(reading.YesNo);
    }

    [Theory]
    [InlineData("is she gonna forget everything over christmas?", false)]
    [InlineData("will he forget it all if we stop for a month", false)]
    [InlineData("forget everything you know about me", true)]
    [InlineData("please delete my data", true)]
    public void A_cat_forgetting_is_never_a_request_to_erase_the_owners_data(string text, bool erase) =>
        Assert.Equal(erase, Read(text).AsksToForgetOwner);

    [Theory]
    [InlineData("would 25 mins in one go be too long for her?", false)]
    [InlineData("is 5 min per session enough", false)]
    [InlineData("25 mins tonight, she was calm", true)]
    public void A_question_with_a_length_of_time_in_it_is_not_a_session_report(string text, bool report)
    {
        var reading = RepoFiles.SemanticReader.Read(text);
        output.WriteLine($"{text} -> {reading.Intent} ({reading.Recognition.Kind})");
        Assert.Equal(report, reading.IsSessionReport);
        Assert.Equal(report, reading.Intent == TopicIds.PlanLog);
    }

    [Theory]
    [InlineData("my cockapoo pulls like mad", Animals.Other)]
    [InlineData("what harness for a german shepherd", Animals.Other)]
    [InlineData("tom and our boxer on one walk", Animals.Other)]
    [InlineData("my cat watches the birds from the balcony", Animals.Cat)]
    public void Dogs_named_by_breed_are_other_animals(string text, Animals animals) =>
        Assert.Equal(animals, RepoFiles.Reader.AnimalsIn(text));
}
