using LeashBot.Tests.Support;

namespace LeashBot.Tests.Conversations;

/// <summary>
/// An owner's cats, steps and sessions change only when a message gives that one command, through the real host:
/// a command word that is negated, reported, asked about or a what-if changes nothing; the command goes to the cat the
/// part of the message means (named, by pronoun, else the cat last spoken about); a step the cat was on before keeps
/// its sessions; rambling reports with a length and a mood are logged, and questions about a session never are.
/// Typed like owners type (lowercase, typos, emoji, names mid-sentence), on Web Chat and SMS.
/// </summary>
public sealed class CommandTranscripts(SharedHost shared) : IClassFixture<SharedHost>
{
    private readonly BotHost _host = shared.Host;

    private async Task<Replies> LaterAsync(Owner owner, string text)
    {
        _host.Clock.Advance(TimeSpan.FromMinutes(1));
        return await owner.SaysAsync(text);
    }

    private async Task<Owner> OwnerWithOneCatAsync(string channel, string cat)
    {
        var owner = _host.NewOwner(channelId: channel);
        await owner.SaysAsync("start training");
        (await owner.SaysAsync(cat)).Says("on step 1 of 10");
        return owner;
    }

    /// <summary>Nori (he) on step 5 with a 6 min session there, Bean (she) on step 1; Bean was spoken about last.</summary>
    private async Task<Owner> OwnerWithNoriAndBeanAsync(string channel)
    {
        var owner = _host.NewOwner(channelId: channel);
        await owner.SaysAsync("i have two cats, Nori and Bean");
        (await LaterAsync(owner, "move nori to step 5")).Says("Nori is on step 5 of 10 now");
        (await LaterAsync(owner, "nori did 6 min today, he was a bit unsure")).Says("Logged: 6 min with Nori at step 5");
        (await LaterAsync(owner, "bean did 4 mins, she was really relaxed")).Says("Logged: 4 min with Bean at step 1");
        return owner;
    }

    [Theory]
    [InlineData("webchat", "hmm you said she may not be ready yet, that was before i fixed my answer")]
    [InlineData("sms", "ok but u told me hes prob not ready tbh")]
    [InlineData("webchat", "is it true what u said, that she might never like it?")]
    public async Task Words_someone_said_never_rename_the_cat(string channel, string text)
    {
        var owner = await OwnerWithOneCatAsync(channel, "Biscuit");
        (await LaterAsync(owner, text)).DoesNotSay("changed the name");
        (await LaterAsync(owner, "how is biscuit doing")).Says("Biscuit: step 1 of 10");
    }

    [Theory]
    [InlineData("webchat", "i never said undo!! how is she doing")]
    [InlineData("sms", "wait did u just undo my session??")]
    [InlineData("webchat", "if i undo it will she lose the session?")]
    [InlineData("sms", "my friend told me to undo the harness after every session lol")]
    public async Task Undo_words_that_dont_tell_undo_nothing(string channel, string text)
    {
        var owner = await OwnerWithOneCatAsync(channel, "Biscuit");
        (await LaterAsync(owner, "we did 7 mins, she was relaxed")).Says("Logged: 7 min with Biscuit");
        await LaterAsync(owner, "no");
        (await LaterAsync(owner, text)).DoesNotSay("taken back").DoesNotSay("Undone");
        (await LaterAsync(owner, "how is biscuit doing")).Says("Sessions at this step: 1, 7 min");
    }

    [Fact]
    public async Task A_rename_after_a_negated_undo_is_kept_and_not_undone()
    {
        var owner = await OwnerWithOneCatAsync("webchat", "Biscuit");
        (await LaterAsync(owner, "call him Crumble")).Says("Crumble it is");
        (await LaterAsync(owner, "i didnt say undo!! his name is crumble")).DoesNotSay("Undone").DoesNotSay("Biscuit");
        (await LaterAsync(owner, "how is crumble doing")).Says("Crumble: step 1 of 10");
    }

    [Theory]
    [InlineData("webchat", "nah keep her on 1. did u change nori tho")]
    [InlineData("sms", "no no leave her on step 1 pls, and is nori still fine?")]
    public async Task Keep_goes_to_the_cat_the_owner_means_not_a_cat_named_in_a_question(string channel, string text)
    {
        var owner = await OwnerWithNoriAndBeanAsync(channel);
        (await LaterAsync(owner, text)).Says("Bean stays on step 1").DoesNotSay("Nori is on step 1");
        var status = await LaterAsync(owner, "how are they both doing");
        status.Says("Nori: step 5 of 10").Says("Bean: step 1 of 10");
    }

    [Theory]
    [InlineData("webchat", "ugh no. nori is on step 5!! bean stays on 1")]
    [InlineData("sms", "NO 😤 nori is on 5, bean stays on 1")]
    public async Task Each_cat_in_one_message_keeps_its_own_step_and_history(string channel, string text)
    {
        var owner = await OwnerWithNoriAndBeanAsync(channel);
        (await LaterAsync(owner, "put nori on step 1")).Says("Nori is on step 1 of 10 now");
        (await LaterAsync(owner, text)).Says("Nori is on step 5 of 10 now").DoesNotSay("Nori stays on step 1");

        // Back on step 5, Nori's session there is still his.
        (await LaterAsync(owner, "how is nori doing")).Says("step 5 of 10").Says("Sessions at this step: 1, 6 min");
        (await LaterAsync(owner, "how is bean doing")).Says("Bean: step 1 of 10").Says("Sessions at this step: 1, 4 min");
    }

    [Theory]
    [InlineData("webchat", "put him back on 5 pls")]
    [InlineData("sms", "move nori back to step 5")]
    public async Task Moving_back_onto_a_step_keeps_its_sessions(string channel, string back)
    {
        var owner = await OwnerWithNoriAndBeanAsync(channel);
        (await LaterAsync(owner, "put nori on step 2")).Says("Nori is on step 2 of 10 now");
        (await LaterAsync(owner, "how is nori doing")).Says("No sessions logged yet at this step");
        (await LaterAsync(owner, back)).Says("Nori is on step 5 of 10 now");
        (await LaterAsync(owner, "how is nori doing")).Says("Sessions at this step: 1, 6 min").DoesNotSay("No sessions logged yet");
    }

    [Theory]
    [InlineData("webchat", "so today we did about 12 mins on the rug, she rolled over and sat on it lol but was totally chill after 😸", 12)]
    [InlineData("sms", "update!! she sniffed it for ages then flopped on it lol?? anyway we did like 9 min, pawed at it, happy girl", 9)]
    [InlineData("webchat", "did 15 minutes in the hallway, she pawed at the harness and rolled around on it, super relaxed", 15)]
    public async Task Rambling_reports_with_a_length_and_a_mood_are_logged(string channel, string report, int minutes)
    {
        var owner = await OwnerWithOneCatAsync(channel, "Biscuit");
        (await LaterAsync(owner, report)).Says($"Logged: {minutes} min with Biscuit at step 1").DoesNotSay("Did that help");
    }

    [Theory]
    [InlineData("webchat", "where did nori's 6 min session go")]
    [InlineData("sms", "hm is that 4 min one under bean now")]
    [InlineData("webchat", "wait why does bean only have the 4 min session?")]
    public async Task A_question_about_a_session_never_logs_one(string channel, string question)
    {
        var owner = await OwnerWithNoriAndBeanAsync(channel);
        (await LaterAsync(owner, question)).DoesNotSay("Logged:").DoesNotSay("How did").DoesNotSay("How long");
        var status = await LaterAsync(owner, "status both cats");
        status.Says("Sessions at this step: 1, 6 min").Says("Sessions at this step: 1, 4 min");
    }

    [Theory]
    [InlineData("webchat", "can you set bean to step 3", true)]
    [InlineData("sms", "could u put bean on step 3 pls", true)]
    [InlineData("webchat", "can i put bean on step 3 yet?", false)]
    [InlineData("sms", "why would bean be on step 3", false)]
    public async Task A_polite_request_sets_the_step_and_a_question_about_it_does_not(string channel, string text, bool sets)
    {
        var owner = await OwnerWithNoriAndBeanAsync(channel);
        var replies = await LaterAsync(owner, text);
        if (sets)
        {
            replies.Says("Bean is on step 3 of 10 now");
        }
        else
        {
            replies.DoesNotSay("Bean is on step 3 of 10 now");
        }

        (await LaterAsync(owner, "how is bean doing")).Says(sets ? "step 3 of 10" : "step 1 of 10");
    }

    [Fact]
    public async Task A_pronoun_that_fits_neither_cat_asks_which()
    {
        var owner = _host.NewOwner(channelId: "webchat");
        await owner.SaysAsync("i have two cats, Nori and Bean");
        (await LaterAsync(owner, "move nori to step 3")).Says("Nori is on step 3 of 10 now");
        (await LaterAsync(owner, "bean did 4 mins, she was a bit unsure")).Says("Logged: 4 min with Bean");

        // Bean was spoken about last but is a "she"; nobody said Nori is a "he": ask rather than guess.
        (await LaterAsync(owner, "keep him where he is for now")).Says("Which cat");
        (await LaterAsync(owner, "Nori")).Says("Nori stays on step 3");
        (await LaterAsync(owner, "how is bean doing")).Says("Bean: step 1 of 10");
    }

    [Theory]
    [InlineData("webchat")]
    [InlineData("sms")]
    public async Task A_length_that_may_be_what_the_cat_can_do_is_asked_about_once(string channel)
    {
        var owner = await OwnerWithOneCatAsync(channel, "Biscuit");
        var asked = await LaterAsync(owner, "honestly she tolerates it fine for like 20 mins at a time");
        asked.Says("Shall I log 20 min with Biscuit").DoesNotSay("Logged:");
        if (channel == "sms")
        {
            asked.Says("1. Yes").Says("2. No");
        }
        else
        {
            asked.Offers("Yes", "No");
        }

        (await LaterAsync(owner, "no")).Says("nothing logged");
        (await LaterAsync(owner, "how is biscuit doing")).Says("No sessions logged yet");
        (await LaterAsync(owner, "yeah she tolerates it fine for about 20 minutes most days")).Says("Shall I log 20 min with Biscuit");
        (await LaterAsync(owner, "yes")).Says("Logged: 20 min with Biscuit at step 1");
    }

    [Theory]
    [InlineData("webchat", "no leave her on 1. also how long should each session actually be??")]
    [InlineData("sms", "keep her on step 1 pls. btw how long should each session be")]
    public async Task A_question_beside_a_step_command_is_answered_after_it(string channel, string text)
    {
        var owner = await OwnerWithOneCatAsync(channel, "Biscuit");
        (await LaterAsync(owner, text)).Says("Biscuit stays on step 1").Says("Short and often");
    }

    [Fact]
    public async Task A_two_cat_owner_texting_in_bursts_keeps_each_cats_step_and_sessions()
    {
        var owner = _host.NewOwner(channelId: "sms");
        (await owner.SaysAsync("i have two cats, Mango and Olive")).Says("Mango").Says("Olive");
        (await LaterAsync(owner, "mangos done up to step 4 already tbh, olive is brand new")).Says("Mango is on step 4 of 10 now");
        (await LaterAsync(owner, "mango did 8 min today, he was chill")).Says("Logged: 8 min with Mango at step 4");
        (await LaterAsync(owner, "olive did like 5 mins, sniffed it n pawed at it, happy girl")).Says("Logged: 5 min with Olive at step 1");

        // A keep for the cat just spoken about, with a question about the other cat beside it: Mango never moves.
        (await LaterAsync(owner, "nah keep her on 1 for now. did u put mango's 8 min under him tho")).Says("Olive stays on step 1").DoesNotSay("Mango is on step");
        (await LaterAsync(owner, "ugh wait no that 5 min one was mango not olive")).Says("now belongs to Mango");
        (await LaterAsync(owner, "undo")).Says("Olive");
        (await LaterAsync(owner, "where did mango's 8 min session go lol")).DoesNotSay("Logged:").DoesNotSay("How did").DoesNotSay("How long");

        var status = await LaterAsync(owner, "how are they both doing");
        status.Says("Mango: step 4 of 10").Says("Sessions at this step: 1, 8 min").Says("Olive: step 1 of 10").Says("Sessions at this step: 1, 5 min");
    }
}
