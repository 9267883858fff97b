using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using LeashBot.Tests.Support;
using static LeashBot.Tests.DirectLine.Browser;

namespace LeashBot.Tests.DirectLine;

/// <summary>
/// The widget on a shop's site in Debian's Chromium, against the real host on Kestrel and a real SQLite file: the
/// visitor keeps their cats across reloads, pages and a restart of the host, and the chat recovers by itself when its
/// token expires or its conversation is forgotten.
/// </summary>
public sealed class WebChatVisitorBrowserTests
{
    private const string StoragePrefix = "leashbot:";

    [Fact]
    public async Task A_visitor_keeps_the_conversation_and_the_cats_across_a_reload_another_page_and_a_host_restart_until_forget_me()
    {
        await using var site = await StaticSite.StartAsync();
        var database = Path.Combine(TempFolder.Create(), "leashbot.db");
        var settings = new Dictionary<string, string?> { ["WebChat:AllowedOrigins:0"] = site.Origin };
        var bot = BotHost.Create(new() { Kestrel = true, Clock = TimeProvider.System, SqlitePath = database, Settings = settings });
        site.EmbedFrom(bot.Origin);
        try
        {
            await using var browser = await LaunchAsync();
            var page = await browser.Browser.NewPageAsync();
            var failures = TrackFailures(page);
            await page.GotoAsync(site.Origin + "/");
            var chat = page.Locator("#leashbot-webchat");
            await Assertions.Expect(Said(chat, "Hi! I")).ToBeVisibleAsync(new() { Timeout = 20_000 });
            await TypeAsync(chat, "start training");
            await TypeAsync(chat, "Biscuit");
            await Assertions.Expect(Said(chat, "Biscuit").First).ToBeVisibleAsync(new() { Timeout = 15_000 });
            await TypeAsync(chat, "we did 10 minutes today, she was relaxed");
            await Assertions.Expect(Said(chat, "Logged")).ToHaveCountAsync(1, new() { Timeout = 15_000 });
            var stored = await StoredAsync(page);
            Assert.StartsWith("{\"visitor\":", stored, StringComparison.Ordinal);

            // Reload: the same conversation comes back, transcript and all, without typing a thing.
            await page.ReloadAsync();
            await Assertions.Expect(Said(chat, "Logged")).ToHaveCountAsync(1, new() { Timeout = 20_000 });
            await TypeAsync(chat, "which step is biscuit on now?");
            await Assertions.Expect(Said(chat, "Biscuit: step")).ToHaveCountAsync(1, new() { Timeout = 15_000 });
            Assert.Equal(stored, await StoredAsync(page));

            // Another page of the shop: the same conversation again.
            await page.ClickAsync("a[href='/harnesses']");
            await page.WaitForURLAsync("**/harnesses");
            await Assertions.Expect(Said(chat, "Biscuit: step")).ToHaveCountAsync(1, new() { Timeout = 20_000 });

            // The host restarts at the same address on the same database: the conversation is gone, the cats are not.
            var port = bot.BaseAddress.Port;
            bot.Dispose();
            bot = BotHost.Create(new() { Kestrel = true, Port = port, Clock = TimeProvider.System, SqlitePath = database, Settings = settings });
            await page.ReloadAsync();
            await Assertions.Expect(Said(chat, "Biscuit: step")).ToHaveCountAsync(0);
            await Assertions.Expect(chat.Locator("p").First).ToBeVisibleAsync(new() { Timeout = 20_000 });
            await TypeAsync(chat, "how far along is Biscuit");
            try
            {
                await Assertions.Expect(Said(chat, "Biscuit: step")).ToHaveCountAsync(1, new() { Timeout = 15_000 });
            }
            catch (PlaywrightException)
            {
                Assert.Fail(await chat.InnerTextAsync());
            }
            Assert.DoesNotContain("know your cats yet", await chat.InnerTextAsync(), StringComparison.Ordinal);

            // "Forget me" deletes the browser's copy too: after a reload the visitor is new and the bot knows no cats.
            await TypeAsync(chat, "please delete my data");
            await Assertions.Expect(Said(chat, "Are you sure")).ToHaveCountAsync(1, new() { Timeout = 15_000 });
            await TypeAsync(chat, "yes");
            await Assertions.Expect(Said(chat, "deleted your profile")).ToHaveCountAsync(1, new() { Timeout = 15_000 });
            await page.WaitForFunctionAsync($"() => !Object.keys(localStorage).some(k => k.startsWith('{StoragePrefix}'))");
            await page.ReloadAsync();
            await Assertions.Expect(Said(chat, "Hi! I")).ToBeVisibleAsync(new() { Timeout = 20_000 });
            await TypeAsync(chat, "what step is Biscuit on?");
            await Assertions.Expect(Said(chat, "Biscuit: step")).ToHaveCountAsync(0);
            Assert.NotEqual(stored, await StoredAsync(page));
            Assert.Empty(failures);
        }
        finally
        {
            bot.Dispose();
        }
    }

    [Fact]
    public async Task After_the_token_expires_the_typed_message_is_sent_in_the_same_conversation_without_a_reload()
    {
        await using var site = await StaticSite.StartAsync();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var bot = BotHost.Create(new() { Kestrel = true, Clock = clock, Settings = new Dictionary<string, string?> { ["WebChat:AllowedOrigins:0"] = site.Origin, ["DirectLine:TokenLifetimeSeconds"] = "60" } });
        site.EmbedFrom(bot.Origin);
        await using var browser = await LaunchAsync();
        var (page, chat, failures) = await OpenWithACatAsync(browser, site, "Biscuit");

        // The laptop sleeps past the token's lifetime (the stream stays open, so the conversation is kept).
        clock.Advance(TimeSpan.FromSeconds(90));
        var tokenAsked = page.WaitForResponseAsync(r => r.Url.EndsWith("/api/directline/token", StringComparison.Ordinal));
        await TypeAsync(chat, "what step is Biscuit on?");
        Assert.Equal(200, (await tokenAsked).Status);
        await Assertions.Expect(Said(chat, "Biscuit: step 1 of 10")).ToHaveCountAsync(1, new() { Timeout = 20_000 });

        // Same page, same conversation (the earlier transcript is there), the typed message sent once, nothing failed.
        Assert.True(await page.EvaluateAsync<bool>("() => window.notReloaded === true"));
        await Assertions.Expect(chat.GetByText("start training", new() { Exact = true })).ToHaveCountAsync(1);
        await Assertions.Expect(chat.GetByText("what step is Biscuit on?", new() { Exact = true })).ToHaveCountAsync(1);
        await Assertions.Expect(chat.GetByText("Send failed")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#leashbot-panel")).ToHaveAttributeAsync("data-state", "ready");
        Assert.Empty(failures);
    }

    [Fact]
    public async Task After_the_conversation_is_forgotten_for_idleness_the_widget_starts_a_new_one_for_the_same_visitor()
    {
        await using var site = await StaticSite.StartAsync();
        site.EmbedAttributes = "data-open=\"true\" data-websocket=\"false\"";
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var settings = new Dictionary<string, string?>
        {
            ["WebChat:AllowedOrigins:0"] = site.Origin,
            ["DirectLine:ConversationIdleMinutes"] = "1",
            ["DirectLine:TokenLifetimeSeconds"] = "86400",
        };
        using var bot = BotHost.Create(new() { Kestrel = true, Clock = clock, Settings = settings });
        site.EmbedFrom(bot.Origin);
        await using var browser = await LaunchAsync();
        var (page, chat, failures) = await OpenWithACatAsync(browser, site, "Pudding");
        var before = await StoredAsync(page);

        // Idle past the limit: the next poll finds the conversation gone, and the widget starts another for the same visitor.
        clock.Advance(TimeSpan.FromMinutes(2));
        await Assertions.Expect(chat.GetByText("start training", new() { Exact = true })).ToHaveCountAsync(0, new() { Timeout = 20_000 });
        await Assertions.Expect(page.Locator("#leashbot-panel")).ToHaveAttributeAsync("data-state", "ready", new() { Timeout = 20_000 });
        await TypeAsync(chat, "how is pudding doing");
        await Assertions.Expect(Said(chat, "Pudding: step 1 of 10")).ToHaveCountAsync(1, new() { Timeout = 20_000 });
        Assert.True(await page.EvaluateAsync<bool>("() => window.notReloaded === true"));
        var after = await StoredAsync(page);
        Assert.Equal(Visitor(before), Visitor(after));
        Assert.NotEqual(before, after);
        Assert.Empty(failures);
    }

    /// <summary>The shop's page with the chat open, a cat named, and a mark that a reload would wipe (<c>window.notReloaded</c>).</summary>
    private static async Task<(IPage Page, ILocator Chat, List<string> Failures)> OpenWithACatAsync(BrowserSession browser, StaticSite site, string cat)
    {
        var page = await browser.Browser.NewPageAsync();
        var failures = TrackFailures(page);
        await page.GotoAsync(site.Origin + "/");
        var chat = page.Locator("#leashbot-webchat");
        await Assertions.Expect(Said(chat, "Hi! I")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await TypeAsync(chat, "start training");
        await TypeAsync(chat, cat);
        // The bot's answer, not the visitor's own bubble: the turn is over before anything else happens.
        await Assertions.Expect(Said(chat, $"meet {cat}")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await page.EvaluateAsync("() => { window.notReloaded = true; }");
        return (page, chat, failures);
    }

    private static async Task<string> StoredAsync(IPage page) =>
        await page.EvaluateAsync<string?>($"() => {{ const k = Object.keys(localStorage).find(k => k.startsWith('{StoragePrefix}')); return k ? localStorage.getItem(k) : ''; }}") ?? "";

    private static string Visitor(string stored) => System.Text.Json.JsonDocument.Parse(stored).RootElement.GetProperty("visitor").GetString()!;
}
