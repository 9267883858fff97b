using LeashBot.Tests.Support;

namespace LeashBot.Tests.Conversations;

/// <summary>
/// Owners with several cats, through the real host on Web Chat and SMS: cats named together in one breath are all
/// met, at the name question or in any sentence ("bruno n nori", "two of them lol, Mochi and Tofu", "my cats are pepper
/// + mango"), and the owner is asked which one training is about; a wrong cat, length or mood said while a session is
/// being logged changes that session (nothing is dropped), and after logging moves the logged one; owners whose cat is
/// ahead get the step that fits offered, with what it skips.
/// </summary>
public sealed class SeveralCatsTranscripts(SharedHost shared) : IClassFixture<SharedHost>
{
    private readonly BotHost _host = shared.Host;

    private async Task<Replies> LaterAsync(Owner owner, string text)
    {
        _host.Clock.Advance(TimeSpan.FromMinutes(1));
        return await owner.SaysAsync(text);
    }

    /// <summary>Nori (he) and Bean (she), both on step 1; Bean was spoken about last.</summary>
    private async Task<Owner> OwnerWithNoriAndBeanAsync(string channel)
    {
        var owner = _host.NewOwner(channelId: channel);
        await owner.SaysAsync("i have two cats, Nori and Bean");
        (await LaterAsync(owner, "how is nori doing, hes a bit shy")).Says("Nori: step 1 of 10");
        (await LaterAsync(owner, "how is bean doing? she's the brave one")).Says("Bean: step 1 of 10");
        return owner;
    }

    // ---- several cats in one breath ----

    [Theory]
    [InlineData("webchat", "bruno n nori", "Bruno", "Nori")]
    [InlineData("sms", "two of them lol, Mochi and Tofu 🐱🐱", "Mochi", "Tofu")]
    [InlineData("webchat", "Canela y Bruno", "Canela", "Bruno")]
    [InlineData("sms", "luna + miso. miso did this before, luna is brand new", "Luna", "Miso")]
    public async Task Several_names_at_the_name_question_meet_every_cat_and_ask_which_one(string channel, string answer, string first, string second)
    {
        var owner = _host.NewOwner(channelId: channel);
        (await owner.SaysAsync("start training")).Says("What's your cat's name?");
        (await LaterAsync(owner, answer)).Says($"Lovely to meet {first}").Says($"Lovely to meet {second}").Says("Which cat");
        (await LaterAsync(owner, second.ToLowerInvariant())).Says($"{second} is on step 1 of 10");
        (await LaterAsync(owner, $"how is {first.ToLowerInvariant()} doing")).Says($"{first}: step 1 of 10");
    }

    [Theory]
    [InlineData("webchat", "hiya!! my cats are pepper + mango, where do we start?", "Pepper", "Mango")]
    [InlineData("sms", "got 2 of them, Chispa and Lola. how do i start training", "Chispa", "Lola")]
    public async Task Several_names_in_a_request_meet_every_cat_and_ask_which_one(string channel, string message, string first, string second)
    {
        var owner = _host.NewOwner(channelId: channel);
        (await owner.SaysAsync(message)).Says($"Lovely to meet {first}").Says($"Lovely to meet {second}").Says("Which cat").DoesNotSay("What's your cat's name");
        (await LaterAsync(owner, first.ToLowerInvariant())).Says($"{first} is on step 1 of 10");
        (await LaterAsync(owner, $"how is {second.ToLowerInvariant()} doing")).Says($"{second}: step 1 of 10");
    }

    [Theory]
    [InlineData("webchat", "i have two, Ziggy and Pip, is a vest ok for them?")]
    [InlineData("sms", "hey, its ziggy n pip 😸 is a vest ok for them?")]
    public async Task Several_names_in_a_question_are_remembered_beside_the_answer(string channel, string message)
    {
        var owner = _host.NewOwner(channelId: channel);
        (await owner.SaysAsync(message)).Says("vest").Says("Ziggy").Says("Pip");
        (await LaterAsync(owner, "how is pip doing")).Says("Pip: step 1 of 10");
        (await LaterAsync(owner, "how is ziggy doing")).Says("Ziggy: step 1 of 10");
    }

    [Theory]
    [InlineData("she loves chicken and tuna treats lol")]
    [InlineData("we tried the hallway and the balcony today, no session tho")]
    public async Task Everyday_words_in_a_list_are_no_cats(string message)
    {
        var owner = _host.NewOwner();
        await owner.SaysAsync("start training");
        (await owner.SaysAsync("Biscuit")).Says("on step 1 of 10");
        (await LaterAsync(owner, message)).DoesNotSay("Lovely to meet").DoesNotSay("remember");
        (await LaterAsync(owner, "how are my cats doing")).Says("Biscuit").DoesNotSay("Chicken").DoesNotSay("Hallway");
    }

    // ---- a correction while a session is logged ----

    [Theory]
    [InlineData("webchat", "wait no sorry thats wrong, it was nori not bean 😅")]
    [InlineData("sms", "its not bean!! nori")]
    [InlineData("webchat", "oops wrong cat, that was nori")]
    public async Task The_wrong_cat_at_the_mood_question_moves_the_session_waiting_to_be_logged(string channel, string fix)
    {
        var owner = await OwnerWithNoriAndBeanAsync(channel);
        (await LaterAsync(owner, "bean did 8 mins just now with the harness on")).Says("How did Bean seem?");
        (await LaterAsync(owner, fix)).Says("now belongs to Nori").Says("How did Nori seem?").DoesNotSay("didn't catch");
        (await LaterAsync(owner, "relaxed")).Says("Logged: 8 min with Nori");
        (await LaterAsync(owner, "how is bean doing")).Says("No sessions logged yet");
        (await LaterAsync(owner, "how is nori doing")).Says("Sessions at this step: 1, 8 min");
    }

    [Fact]
    public async Task A_mood_beside_the_wrong_cat_answers_the_question_at_once()
    {
        var owner = await OwnerWithNoriAndBeanAsync("sms");
        (await LaterAsync(owner, "bean did 12 min on the rug")).Says("How did Bean seem?");
        (await LaterAsync(owner, "ugh no that was nori not bean, he was super chill tho")).Says("now belongs to Nori").Says("Logged: 12 min with Nori");
        (await LaterAsync(owner, "how is bean doing")).Says("No sessions logged yet");
    }

    [Fact]
    public async Task The_wrong_cat_at_the_length_question_asks_about_the_right_cat()
    {
        var owner = await OwnerWithNoriAndBeanAsync("webchat");
        (await LaterAsync(owner, "log a session for bean")).Says("session with Bean");
        (await LaterAsync(owner, "sorry my bad, not bean, its for nori")).Says("Nori").Says("session with Nori");
        (await LaterAsync(owner, "6 min")).Says("How did Nori seem?");
        (await LaterAsync(owner, "a bit unsure")).Says("Logged: 6 min with Nori");
    }

    [Theory]
    [InlineData("webchat", "oops 8 not 18 lol")]
    [InlineData("sms", "typo sorry it was 8")]
    public async Task A_wrong_length_at_the_mood_question_changes_the_session_waiting(string channel, string fix)
    {
        var owner = await OwnerWithNoriAndBeanAsync(channel);
        (await LaterAsync(owner, "bean did 18 mins in the hall")).Says("How did Bean seem?");
        (await LaterAsync(owner, fix)).Says("8 min").Says("How did Bean seem?");
        (await LaterAsync(owner, "pretty relaxed")).Says("Logged: 8 min with Bean");
    }

    [Fact]
    public async Task The_wrong_cat_after_logging_moves_the_logged_session()
    {
        var owner = await OwnerWithNoriAndBeanAsync("webchat");
        (await LaterAsync(owner, "bean did 5 min, she was a bit unsure")).Says("Logged: 5 min with Bean");
        (await LaterAsync(owner, "hang on that one was nori not bean")).Says("now belongs to Nori");
        (await LaterAsync(owner, "how is bean doing")).Says("No sessions logged yet");
    }

    // ---- a cat that is ahead ----

    [Theory]
    [InlineData("webchat", "she's been strutting round the flat in her harness for a year, skip the basics pls")]
    [InlineData("sms", "honestly shes worn the harness for months, can we skip ahead")]
    public async Task An_owner_whose_cat_is_ahead_is_offered_the_step_that_fits(string channel, string ahead)
    {
        var owner = _host.NewOwner(channelId: channel);
        await owner.SaysAsync("start training");
        (await owner.SaysAsync("Olive")).Says("on step 1 of 10");
        var offer = await LaterAsync(owner, ahead);
        offer.Says("skips steps 1 to").Says("setbacks").Says("Shall I put Olive on step");
        (await LaterAsync(owner, "yes")).Says("Olive is on step");
        (await LaterAsync(owner, "how is olive doing")).DoesNotSay("step 1 of 10");
    }

    [Theory]
    [InlineData("webchat", "can we skip to the going outside bit?")]
    [InlineData("sms", "just jump to the outside part pls 🙏")]
    public async Task Skipping_to_a_named_step_offers_it_and_a_no_keeps_the_cat(string channel, string skip)
    {
        var owner = _host.NewOwner(channelId: channel);
        await owner.SaysAsync("start training");
        (await owner.SaysAsync("Mochi")).Says("on step 1 of 10");
        (await LaterAsync(owner, skip)).Says("Step 8").Says("skips steps 1 to 7").Says("Shall I put Mochi on step 8");
        (await LaterAsync(owner, "hmm no")).Says("Mochi stays on step 1");
    }

    [Fact]
    public async Task Skipping_with_nothing_that_fits_shows_the_plan_to_pick_from()
    {
        var owner = _host.NewOwner(channelId: "sms");
        await owner.SaysAsync("start training");
        (await owner.SaysAsync("Tofu")).Says("on step 1 of 10");
        (await LaterAsync(owner, "skip her ahead pls she's done all this before")).Says("Tofu is here").Says("Which step fits Tofu");
        (await LaterAsync(owner, "put her on step 6")).Says("Tofu is on step 6 of 10");
    }

    /// <summary>
    /// Words that are no names, even in a list after a word for cats: a menu button's title ("Gear and safety"), words
    /// formed like verbs ("eating and zooming around"), an age or weight ("4yo", "5kg") and "em" for them. Found by owners
    /// trying it.
    /// </summary>
    [Theory]
    [InlineData("webchat", "Gear and safety")]
    [InlineData("sms", "my cat had a hairball this morning but shes fine, eating and zooming around as usual")]
    [InlineData("webchat", "my cat is Pixel, 4yo, about 5kg. what harness should i get?")]
    [InlineData("sms", "want to leash train em lol")]
    public async Task Buttons_verbs_and_ages_are_never_taken_for_cats(string channel, string message)
    {
        var owner = _host.NewOwner(channelId: channel);
        await owner.SaysAsync("hi");
        (await LaterAsync(owner, message)).DoesNotSay("I'll remember").DoesNotSay("Lovely to meet Gear").DoesNotSay("Lovely to meet Eating").DoesNotSay("4Yo").DoesNotSay("meet Em!").DoesNotSay("remember Em");
        (await LaterAsync(owner, "how are my cats doing")).DoesNotSay("Gear").DoesNotSay("Safety:").DoesNotSay("Eating").DoesNotSay("Zooming").DoesNotSay("4Yo");
    }

    /// <summary>
    /// A name given in the first message with more said straight after it, no comma between: the name ends where the
    /// next "she's" or "is" starts. Found by owners trying it ("her names Mango shes 2" was asked the name again).
    /// </summary>
    [Theory]
    [InlineData("webchat", "hiii my cats name is Nimbus shes 3 is she too old for a harness", "Nimbus")]
    [InlineData("sms", "her names tofu hes like 2 lol can he learn this", "Tofu")]
    [InlineData("webchat", "hey! his name is Captain Beans he's a rescue", "Captain Beans")]
    public async Task A_name_with_more_said_right_after_it_is_learned_from_the_first_message(string channel, string message, string name)
    {
        var owner = _host.NewOwner(channelId: channel);
        (await owner.SaysAsync(message)).DoesNotSay("What's your cat's name").DoesNotSay("don't know your cats");
        (await LaterAsync(owner, "how are my cats doing")).Says($"{name}: step 1").DoesNotSay("Shes").DoesNotSay("Hes");
    }

    /// <summary>
    /// "hes a nutter" about the dog is a description, not a cat called Nutter: after "he's" or "she's", a word that
    /// follows an article names nobody. Found by owners trying it.
    /// </summary>
    [Theory]
    [InlineData("webchat", "murphy is NOT calm lol hes a nutter. so is that a no then", "Nutter")]
    [InlineData("sms", "omg shes such a menace", "Menace")]
    [InlineData("webchat", "tbh he's an angel with the vet", "Angel")]
    public async Task A_word_after_an_article_is_a_description_not_a_new_cat(string channel, string message, string notAName)
    {
        var owner = _host.NewOwner(channelId: channel);
        await owner.SaysAsync("my cat is biscuit");
        (await LaterAsync(owner, message)).DoesNotSay($"meet {notAName}").DoesNotSay($"remember {notAName}");
        (await LaterAsync(owner, "how are my cats doing")).Says("Biscuit").DoesNotSay($"{notAName}:");
    }

    // ---- a session counts once, for the cat and step it was done at ----
    // A session told again ("yeah like i said the 10 min one went great") is already logged, also after a step change,
    // and a mood said with it changes that session; restating words with a length no session has are asked about; a
    // short report at the move-on question is a session, never a yes; a report naming another cat at the length
    // question is that cat's; a name with one letter swapped is still that cat; "she" in a status question is one cat.

    [Theory]
    [InlineData("webchat", "the 10 min one went great btw")]
    [InlineData("sms", "yeah like i said biscuit did 10 mins and he was super chill 😸")]
    public async Task A_session_told_again_after_a_step_change_is_not_logged_at_the_new_step(string channel, string again)
    {
        var owner = _host.NewOwner(channelId: channel);
        await owner.SaysAsync("start training");
        (await LaterAsync(owner, "Biscuit")).Says("on step 1 of 10");
        (await LaterAsync(owner, "biscuit 10 min super relaxed")).Says("Logged: 10 min with Biscuit at step 1").Says("Shall I move Biscuit on to step 2");
        (await LaterAsync(owner, "yes")).Says("on to step 2");
        (await LaterAsync(owner, again)).Says("won't count it twice").Says("step 1").DoesNotSay("Logged:").DoesNotSay("Shall I move");
        (await LaterAsync(owner, "how is biscuit doing")).Says("step 2 of 10").Says("No sessions logged yet at this step");
    }

    [Theory]
    [InlineData("webchat")]
    [InlineData("sms")]
    public async Task A_session_told_again_with_two_cats_counts_once_for_the_cat_it_was(string channel)
    {
        var owner = _host.NewOwner(channelId: channel);
        await owner.SaysAsync("got 2 cats, pepper n biscuit");
        (await LaterAsync(owner, "pepper did 5 min today, she was a bit unsure")).Says("Logged: 5 min with Pepper");
        (await LaterAsync(owner, "biscuit 3 mins, he hated it")).Says("Logged: 3 min with Biscuit");
        (await LaterAsync(owner, "like i told u pepper did 5 min, she was a bit unsure")).Says("won't count it twice").Says("Pepper").DoesNotSay("Logged:");
        (await LaterAsync(owner, "how is pepper doing")).Says("Sessions at this step: 1,").Says("5 min");
        (await LaterAsync(owner, "how is biscuit doing")).Says("Sessions at this step: 1,").Says("3 min");
    }

    [Fact]
    public async Task A_session_told_again_with_another_mood_changes_that_session()
    {
        var owner = _host.NewOwner();
        await owner.SaysAsync("i have luna and milo");
        (await LaterAsync(owner, "milo did 6 min today, he was a bit unsure")).Says("Logged: 6 min with Milo");
        (await LaterAsync(owner, "as i said the 6 min one with milo, he was stressed honestly")).Says("won't count it twice").Says("Stressed").DoesNotSay("Logged:");
        (await LaterAsync(owner, "how is milo doing")).Says("Sessions at this step: 1,").Says("Last one: 6 min, Stressed");
        (await LaterAsync(owner, "undo")).Says("Undone");
        (await LaterAsync(owner, "how is milo doing")).Says("Sessions at this step: 1,").Says("Last one: 6 min, A bit unsure");
    }

    [Fact]
    public async Task Restating_words_with_a_length_no_session_has_are_asked_about()
    {
        var owner = _host.NewOwner(channelId: "sms");
        await owner.SaysAsync("i have luna and milo");
        (await LaterAsync(owner, "like i told you milo did 12 min today, he was relaxed")).Says("Shall I log 12 min with Milo?").DoesNotSay("Logged:");
        (await LaterAsync(owner, "yes")).Says("Logged: 12 min with Milo");
        (await LaterAsync(owner, "how is milo doing")).Says("Sessions at this step: 1,");
    }

    [Theory]
    [InlineData("we did another 10 min one tonight, relaxed")]
    [InlineData("10 min again this evening, he was chill")]
    public async Task A_second_session_of_the_same_length_is_logged(string second)
    {
        var owner = _host.NewOwner();
        await owner.SaysAsync("start training");
        (await LaterAsync(owner, "Biscuit")).Says("on step 1 of 10");
        (await LaterAsync(owner, "biscuit 10 min, he was a bit unsure")).Says("Logged: 10 min with Biscuit at step 1");
        (await LaterAsync(owner, second)).Says("Logged: 10 min with Biscuit at step 1").DoesNotSay("count it twice");
    }

    [Theory]
    [InlineData("webchat", "peppr 4 min kinda nervous")]
    [InlineData("sms", "ok pepper 4 mins, stressed")]
    public async Task A_short_report_at_the_move_on_question_is_a_session_not_a_yes(string channel, string report)
    {
        var owner = _host.NewOwner(channelId: channel);
        await owner.SaysAsync("my cats are Pepper and Biscuit");
        (await LaterAsync(owner, "pepper did 5 min relaxed")).Says("Shall I move Pepper on to step 2");
        (await LaterAsync(owner, report)).Says("Logged: 4 min with Pepper at step 1").DoesNotSay("on to step 2");
        (await LaterAsync(owner, "how is pepper doing")).Says("step 1 of 10").Says("Sessions at this step: 2,");
    }

    [Theory]
    [InlineData("webchat", "bisquit did 5 min relaxed", "Biscuit")]
    [InlineData("sms", "ok so peppar did 5 mins, relaxed", "Pepper")]
    public async Task A_name_spelt_with_one_letter_swapped_logs_for_that_cat(string channel, string report, string cat)
    {
        var owner = _host.NewOwner(channelId: channel);
        await owner.SaysAsync("my cats are Pepper and Biscuit");
        var other = cat == "Pepper" ? "biscuit" : "pepper";
        (await LaterAsync(owner, $"how is {other} doing")).Says("step 1 of 10");
        (await LaterAsync(owner, report)).Says($"Logged: 5 min with {cat} at step 1").DoesNotSay("Lovely to meet");
        (await LaterAsync(owner, $"how is {other} doing")).Says("No sessions logged yet");
    }

    [Theory]
    [InlineData("webchat", "what step is she on now")]
    [InlineData("sms", "hows she doing")]
    public async Task A_status_question_about_her_answers_for_the_cat_just_spoken_about(string channel, string question)
    {
        var owner = _host.NewOwner(channelId: channel);
        await owner.SaysAsync("my cats are Pepper and Biscuit");
        (await LaterAsync(owner, "biscuit did 3 min, he was stressed")).Says("Logged: 3 min with Biscuit");
        (await LaterAsync(owner, "put pepper on step 3")).Says("Pepper is on step 3 of 10 now");
        (await LaterAsync(owner, question)).Says("Pepper: step 3 of 10").DoesNotSay("Biscuit");
        (await LaterAsync(owner, "and whats next for him")).Says("Biscuit").DoesNotSay("Pepper");
    }

    [Theory]
    [InlineData("webchat", "biscut 4 min he was fine")]
    [InlineData("sms", "oh it was biscuit, 4 mins and he was chill")]
    public async Task A_report_naming_another_cat_at_the_length_question_is_that_cats_session(string channel, string report)
    {
        var owner = _host.NewOwner(channelId: channel);
        await owner.SaysAsync("my cats are pepper and biscuit");
        (await LaterAsync(owner, "pepper was super relaxed today")).Says("How long was today's session with Pepper?");
        (await LaterAsync(owner, report)).Says("Biscuit").Says("Logged: 4 min with Biscuit at step 1").DoesNotSay("with Pepper");
        (await LaterAsync(owner, "how is pepper doing")).Says("No sessions logged yet");
    }

    [Theory]
    [InlineData("webchat", "both of them did 5 mins today")]
    [InlineData("sms", "did the two of them together, 5 min")]
    public async Task Both_with_three_cats_asks_which_two_and_logs_nothing(string channel, string report)
    {
        var owner = _host.NewOwner(channelId: channel);
        await owner.SaysAsync("i have three cats, mochi, tofu and bean");
        (await LaterAsync(owner, report)).Says("Which two").Says("Mochi, Tofu or Bean").DoesNotSay("Logged");
        (await LaterAsync(owner, "mochi n bean, 5 min each, both relaxed")).Says("Logged: 5 min with Mochi").Says("Logged: 5 min with Bean").DoesNotSay("Tofu");
        (await LaterAsync(owner, "how is tofu doing")).Says("No sessions logged yet");
    }

    [Theory]
    [InlineData("webchat", "oops that was yesterday actually 🙈", null)]
    [InlineData("sms", "ahh wait it was on saturday", DayOfWeek.Saturday)]
    public async Task A_day_said_after_logging_moves_the_session_there_and_undo_brings_it_back(string channel, string fix, DayOfWeek? weekday)
    {
        var owner = _host.NewOwner(channelId: channel);
        await owner.SaysAsync("my cats are pepper and biscuit");
        (await LaterAsync(owner, "pepper did 5 min, relaxed")).Says("Logged: 5 min with Pepper at step 1");
        var today = DateOnly.FromDateTime(_host.Clock.GetUtcNow().UtcDateTime);
        var back = weekday is { } named && ((int)today.DayOfWeek - (int)named + 7) % 7 is var days && days != 1 ? (days == 0 ? 7 : days) : 1;
        (await LaterAsync(owner, fix)).Says("Pepper's 5 min session now counts for " + (back == 1 ? "yesterday" : weekday.ToString()))
            .DoesNotSay("Logged").DoesNotSay("only know about");
        var moved = await StoredOwnerAsync(owner, channel);
        Assert.False(LeashBot.Coaching.Reminders.NudgeFacts.Of(moved, TimeZoneInfo.Utc.Id).PractisedOn(today));
        Assert.True(LeashBot.Coaching.Reminders.NudgeFacts.Of(moved, TimeZoneInfo.Utc.Id).PractisedOn(today.AddDays(-back)));
        Assert.Equal(back == 1 ? 1 : 0, LeashBot.Coaching.Reminders.ReminderWording.Streak(moved, TimeZoneInfo.Utc, today));
        (await LaterAsync(owner, "how is pepper doing")).Says("Sessions at this step: 1,");

        (await LaterAsync(owner, "undo")).Says("Undone");
        var back2 = await StoredOwnerAsync(owner, channel);
        Assert.True(LeashBot.Coaching.Reminders.NudgeFacts.Of(back2, TimeZoneInfo.Utc.Id).PractisedOn(today));
        Assert.Equal(0, LeashBot.Coaching.Reminders.ReminderWording.Streak(back2, TimeZoneInfo.Utc, today));
        (await LaterAsync(owner, "how is pepper doing")).Says("Sessions at this step: 1,");
    }

    private async Task<LeashBot.State.OwnerProfile> StoredOwnerAsync(Owner owner, string channel)
    {
        var parts = await StoredParts.ReadAsync((LeashBot.Storage.JsonStorage)_host.Storage, channel, owner.UserId, owner.ConversationId);
        return parts.Owner["owner"]!.ToObject<LeashBot.State.OwnerProfile>()!;
    }

    [Theory]
    [InlineData("webchat", "my cats are pepper and biscuit", "5 min each for both 🐾", "Pepper", "Biscuit", "")]
    [InlineData("sms", "i have three cats, mochi, tofu and bean", "did mochi n bean 4 mins each", "Mochi", "Bean", "Tofu")]
    [InlineData("webchat", "my cats are pepper and biscuit", "did pepper then biscuit, 5 each", "Pepper", "Biscuit", "")]
    public async Task A_report_for_several_cats_without_moods_asks_each_cat_in_turn(string channel, string cats, string report, string first, string second, string left)
    {
        var owner = _host.NewOwner(channelId: channel);
        await owner.SaysAsync(cats);
        (await LaterAsync(owner, report)).Says($"How did {first} seem?");
        (await LaterAsync(owner, "pretty chill")).Says($"with {first} at step 1").Says($"How did {second} seem?").DoesNotSay("Shall I move");
        (await LaterAsync(owner, "bit nervous tbh")).Says($"with {second} at step 1");
        (await LaterAsync(owner, $"how is {second.ToLowerInvariant()} doing")).Says("Sessions at this step: 1,");
        if (left.Length > 0)
        {
            (await LaterAsync(owner, $"how is {left.ToLowerInvariant()} doing")).Says("No sessions logged yet");
        }
    }

    [Theory]
    [InlineData("webchat", "biscuit seemed fine actually", "Biscuit")]
    [InlineData("sms", "biscuit hated it, pepper was fine", "Pepper")]
    [InlineData("webchat", "pepper was super chill, biscut not so much", "Pepper")]
    public async Task A_mood_naming_a_cat_at_the_mood_question_goes_to_that_cat(string channel, string answer, string cat)
    {
        var owner = await PepperAndBiscuitAsync(channel);
        (await LaterAsync(owner, "did 5 min with pepper")).Says("How did Pepper seem?");
        (await LaterAsync(owner, answer)).Says($"Logged: 5 min with {cat} at step 1");
        (await LaterAsync(owner, $"how is {cat.ToLowerInvariant()} doing")).Says("Last one: 5 min, Relaxed");
        var other = cat == "Pepper" ? "biscuit" : "pepper";
        (await LaterAsync(owner, $"how is {other} doing")).Says("No sessions logged yet");
    }

    private async Task<Owner> PepperAndBiscuitAsync(string channel)
    {
        var owner = _host.NewOwner(channelId: channel);
        await owner.SaysAsync("my cats are pepper and biscuit");
        return owner;
    }
}
