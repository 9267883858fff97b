using LeashBot.Tests.Support;
using LeashBot.Understanding;
using Microsoft.Extensions.DependencyInjection;

namespace LeashBot.Tests.Conversations;

/// <summary>
/// The semantic reader through the real host (on by default): the new topics asked in owners' own words, "that's
/// not something I know" for what isn't leash training, gear questions that mention a dog kept in scope, and the
/// setting that turns the reader off.
/// </summary>
public sealed class SemanticTranscripts(SharedHost shared) : IClassFixture<SharedHost>
{
    private readonly BotHost _host = shared.Host;

    private async Task<Owner> OwnerWithTomAsync(BotHost? host = null)
    {
        var owner = (host ?? _host).NewOwner();
        await owner.SaysAsync("start training");
        (await owner.SaysAsync("his name is Tom")).Says("Lovely to meet Tom");
        return owner;
    }

    [Fact]
    public async Task Wear_time_is_answered_however_it_is_asked()
    {
        // Each phrasing with its own owner: the same answer twice in a row is not sent again word for word (ListeningTranscripts).
        (await (await OwnerWithTomAsync()).SaysAsync("is it ok if he sleeps in it tonight so i dont have to wrestle it on tmrw")).Says("never leave it on overnight");
        (await (await OwnerWithTomAsync()).SaysAsync("Tom seems chill in the harness, can I leave it on while I'm at the gym?")).Says("Only while you're there to watch");
    }

    [Fact]
    public async Task Why_walk_a_cat_at_all_gets_the_reasons()
    {
        var owner = await OwnerWithTomAsync();
        (await owner.SaysAsync("my mum reckons walking a cat is daft lol, whats actually in it for him")).Says("Indoor cats stay safer");
    }

    [Fact]
    public async Task Everyday_health_care_goes_kindly_to_the_vet_without_an_alarm()
    {
        var owner = await OwnerWithTomAsync();
        (await owner.SaysAsync("how often does tom need his flea drops?")).Says("That's one for your vet").DoesNotSay("step 2").DoesNotSay("Call");
        (await owner.SaysAsync("whats the right amount of wormer for a 5kg cat")).Says("That's one for your vet");
    }

    [Fact]
    public async Task The_whole_plan_lists_ten_steps_and_marks_the_cats_own()
    {
        var owner = await OwnerWithTomAsync();
        var replies = await owner.SaysAsync("can i see every step at once pls");
        replies.Says("1. Choose the right harness (← Tom is here)").Says("10. End on a high note");
    }

    [Fact]
    public async Task What_isnt_leash_training_gets_that_is_not_something_i_know()
    {
        var owner = await OwnerWithTomAsync();
        (await owner.SaysAsync("whats a good recipe for lasagne")).Says("That's not something I know");
        (await owner.SaysAsync("how do i stop my puppy nibbling my fingers")).Says("That's not something I know");
    }

    [Fact]
    public async Task A_message_that_names_the_owners_own_cat_is_never_sent_away_as_not_something_i_know()
    {
        var owner = await OwnerWithTomAsync();
        (await owner.SaysAsync("how far along is Tom")).DoesNotSay("not something I know");
        (await owner.SaysAsync("tom n me r thinking abt tmrw, wat do u reckon")).DoesNotSay("not something I know");
        (await owner.SaysAsync("whats a good recipe for lasagne")).Says("That's not something I know");
    }

    [Fact]
    public async Task Gear_and_safety_questions_that_mention_a_dog_stay_in_scope()
    {
        var owner = await OwnerWithTomAsync();
        (await owner.SaysAsync("could tom just wear our old dog harness or is that a bad idea")).Says("A secure, adjustable harness made for cats").DoesNotSay("not something I know");
        (await owner.SaysAsync("can i use the retractable lead from my dog for him?")).Says("skip retractable leashes").DoesNotSay("not something I know");
        (await owner.SaysAsync("what if an off leash dog comes running at us in the park")).Says("watch for dogs").DoesNotSay("not something I know");
    }

    [Fact]
    public async Task A_question_about_another_animal_alone_is_not_mine_but_one_that_brings_the_cat_in_is()
    {
        var owner = await OwnerWithTomAsync();
        (await owner.SaysAsync("our whippet chews through every lead we buy him, what do i do")).Says("That's not something I know");
        (await owner.SaysAsync("does a bulldog need a special harness")).Says("That's not something I know");
        (await owner.SaysAsync("my cat and my dog on leads together, is that safe?")).DoesNotSay("not something I know");
        (await owner.SaysAsync("the collie next door barks at tom every time we go out in his harness, what now")).DoesNotSay("not something I know");
    }

    [Fact]
    public async Task With_the_setting_off_the_word_lists_alone_read_the_message()
    {
        using var host = BotHost.Create(new BotHostOptions { Settings = new Dictionary<string, string?> { ["Understanding:Semantic:Enabled"] = "false" } });
        Assert.Null(host.Services.GetService<SemanticDecision>());
        Assert.NotNull(_host.Services.GetService<SemanticDecision>());
        var reader = host.Services.GetRequiredService<MessageReader>();
        foreach (var line in new[] { "how do i stop my puppy nibbling my fingers", "whats a good recipe for lasagne", "could tom just wear our old dog harness" })
        {
            Assert.Equal(LeashBot.Tests.Understanding.RepoFiles.Reader.Read(line).Recognition.TopicId, reader.Read(line).Recognition.TopicId);
        }

        var owner = await OwnerWithTomAsync(host);
        (await owner.SaysAsync("how's tom doing?")).Says("Tom: step 1 of 10");
    }
}
