using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using LeashBot.Tests.Support;
using static LeashBot.Tests.DirectLine.Browser;

namespace LeashBot.Tests.DirectLine;

/// <summary>
/// Real Web Chat 4.18 in Debian's Chromium against the real host. A missing browser fails these tests.
/// </summary>
public sealed class WebChatBrowserTests
{
    private const string Greeting = "leash-training coach for cats"; // Web Chat renders the apostrophe in "I'm" typographically
    private const string FreezeAdvice = "Stop moving, talk softly and wait it out";

    [Fact]
    public async Task The_demo_page_chats_through_Web_Chat_with_buttons_and_typed_messages()
    {
        using var server = BotHost.OnKestrel();
        await using var browser = await LaunchAsync();
        var page = await browser.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1100, Height = 760 } });
        var failures = TrackFailures(page);

        await page.GotoAsync(server.BaseAddress.ToString());
        await Assertions.Expect(page.Locator("header h1")).ToContainTextAsync("Paws & Whiskers");
        await page.Locator("#leashbot-launcher").ClickAsync();

        var chat = page.Locator("#leashbot-webchat");
        await Assertions.Expect(Said(chat, Greeting)).ToBeVisibleAsync(new() { Timeout = 20_000 });

        // A suggested action (button) under the greeting.
        var button = chat.Locator("button.webchat__suggested-action", new() { HasText = "Is my cat ready?" });
        await Assertions.Expect(button).ToBeVisibleAsync();
        await button.ClickAsync();
        await Assertions.Expect(Said(chat, "know your cats yet")).ToHaveCountAsync(1, new() { Timeout = 15_000 });

        var input = chat.Locator("[data-id='webchat-sendbox-input'], .webchat__send-box-text-box__input").First;
        await input.FillAsync("my cat froze, what now?");
        await input.PressAsync("Enter");

        // A question in the middle of "what's your cat's name?" is answered first (freeze advice), then the name is asked again.
        await Assertions.Expect(Said(chat, FreezeAdvice)).ToHaveCountAsync(1, new() { Timeout = 15_000 });
        await Assertions.Expect(chat.GetByText("my cat froze, what now?", new() { Exact = true }).First).ToBeVisibleAsync();
        await Assertions.Expect(chat.GetByText("Send failed")).ToHaveCountAsync(0);

        // Web Chat shows "Connecting…" for a moment after the first connect; the screenshot waits for it to settle.
        await Assertions.Expect(chat.GetByText("Connecting…", new() { Exact = true })).ToHaveCountAsync(0, new() { Timeout = 10_000 });
        var shot = Path.Combine(AppContext.BaseDirectory, "screenshots", "demo-page-chat.png");
        Directory.CreateDirectory(Path.GetDirectoryName(shot)!);
        await page.ScreenshotAsync(new() { Path = shot });
        Assert.True(File.Exists(shot));
        Assert.Empty(failures);
    }

    [Fact]
    public async Task The_one_line_embed_chats_from_an_allowed_origin_and_is_refused_from_another()
    {
        await using var allowedSite = await StaticSite.StartAsync();
        await using var otherSite = await StaticSite.StartAsync();
        using var bot = BotHost.OnKestrel(new() { ["WebChat:AllowedOrigins:0"] = allowedSite.Origin });
        allowedSite.EmbedFrom(bot.Origin);
        otherSite.EmbedFrom(bot.Origin);
        Assert.NotEqual(allowedSite.Origin, bot.Origin);

        await using var browser = await LaunchAsync();

        var page = await browser.Browser.NewPageAsync();
        page.Console += (_, message) => Console.WriteLine("[allowed site console] " + message.Text);
        await page.GotoAsync(allowedSite.Origin + "/");
        var chat = page.Locator("#leashbot-webchat");
        await Assertions.Expect(Said(chat, Greeting)).ToBeVisibleAsync(new() { Timeout = 20_000 });
        var input = chat.Locator("[data-id='webchat-sendbox-input'], .webchat__send-box-text-box__input").First;
        await input.FillAsync("which leash should I buy?");
        await input.PressAsync("Enter");
        await Assertions.Expect(Said(chat, "4 to 6 feet")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        var shot = Path.Combine(AppContext.BaseDirectory, "screenshots", "embed-allowed-origin.png");
        Directory.CreateDirectory(Path.GetDirectoryName(shot)!);
        await page.ScreenshotAsync(new() { Path = shot });

        // Elsewhere no launcher appears, and the console says why.
        var refused = await browser.Browser.NewPageAsync();
        var warnings = new List<string>();
        refused.Console += (_, message) => warnings.Add(message.Text);
        var settingsRefused = refused.WaitForResponseAsync(r => r.Url.EndsWith("/api/webchat/settings", StringComparison.Ordinal));
        await refused.GotoAsync(otherSite.Origin + "/");
        Assert.Equal(403, (await settingsRefused).Status);
        for (var waited = 0; waited < 5_000 && !warnings.Any(w => w.Contains("LeashBot", StringComparison.Ordinal)); waited += 100)
        {
            await refused.WaitForTimeoutAsync(100);
        }

        await Assertions.Expect(refused.Locator("#leashbot-launcher")).ToHaveCountAsync(0);
        await Assertions.Expect(refused.Locator("#leashbot-panel")).ToHaveCountAsync(0);
        Assert.Contains(warnings, w => w.Contains("OriginNotAllowed", StringComparison.Ordinal) && w.Contains(otherSite.Origin, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_widget_opens_at_the_start_of_the_greeting_and_yes_no_questions_have_Yes_and_No_buttons()
    {
        using var server = BotHost.OnKestrel();
        await using var browser = await LaunchAsync();
        var page = await browser.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1100, Height = 700 } });
        var failures = TrackFailures(page);
        await page.GotoAsync(server.BaseAddress.ToString());
        await page.Locator("#leashbot-launcher").ClickAsync();

        var chat = page.Locator("#leashbot-webchat");
        var greeting = Said(chat, "Hi! I");
        await Assertions.Expect(greeting).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Assertions.Expect(chat.Locator("button.webchat__suggested-action").First).ToBeVisibleAsync();
        await page.WaitForTimeoutAsync(800); // let Web Chat finish its scrolling
        await AssertTopIsInViewAsync(chat, greeting);

        await chat.Locator("button.webchat__suggested-action", new() { HasText = "Is my cat ready?" }).ClickAsync();
        await Assertions.Expect(Said(chat, "know your cats yet")).ToHaveCountAsync(1, new() { Timeout = 15_000 });
        var input = chat.Locator("[data-id='webchat-sendbox-input'], .webchat__send-box-text-box__input").First;
        await input.FillAsync("Milo");
        await input.PressAsync("Enter");
        await Assertions.Expect(Said(chat, "Is Milo healthy")).ToHaveCountAsync(1, new() { Timeout = 15_000 });

        var yes = chat.Locator("button.webchat__suggested-action", new() { HasText = "Yes" });
        await Assertions.Expect(yes).ToBeVisibleAsync();
        await Assertions.Expect(chat.Locator("button.webchat__suggested-action", new() { HasText = "No" })).ToBeVisibleAsync();
        await yes.ClickAsync();
        await Assertions.Expect(Said(chat, "excited about treats")).ToHaveCountAsync(1, new() { Timeout = 15_000 });
        await Screenshot(page, "widget-yes-no-buttons.png");

        // Escape closes the chat and gives the keyboard back to the launcher.
        await input.PressAsync("Escape");
        await Assertions.Expect(page.Locator("#leashbot-panel")).ToHaveAttributeAsync("data-open", "false");
        await Assertions.Expect(page.Locator("#leashbot-launcher")).ToBeFocusedAsync();
        Assert.Empty(failures);
    }

    [Fact]
    public async Task At_phone_width_the_launcher_shows_and_the_open_panel_fits_with_its_close_button()
    {
        using var server = BotHost.OnKestrel();
        await using var browser = await LaunchAsync();
        var page = await browser.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true, DeviceScaleFactor = 2 });
        var failures = TrackFailures(page);
        await page.GotoAsync(server.BaseAddress.ToString());

        // Nothing sticks out sideways, and the launcher is on screen with a visible icon.
        Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 390, "The page is wider than the phone.");
        var launcher = page.Locator("#leashbot-launcher");
        await Assertions.Expect(launcher).ToBeVisibleAsync(new() { Timeout = 10_000 });
        AssertOnScreen(await launcher.BoundingBoxAsync(), 390, 844, "launcher");
        AssertOnScreen(await launcher.Locator("svg").BoundingBoxAsync(), 390, 844, "launcher icon");
        await Screenshot(page, "phone-closed.png");

        await launcher.TapAsync();
        var panel = page.Locator("#leashbot-panel");
        await Assertions.Expect(panel).ToHaveAttributeAsync("data-open", "true");
        AssertOnScreen(await panel.BoundingBoxAsync(), 390, 844, "panel");
        var close = panel.Locator(".leashbot-close");
        AssertOnScreen(await close.BoundingBoxAsync(), 390, 844, "close button");

        var chat = page.Locator("#leashbot-webchat");
        var greeting = Said(chat, "Hi! I");
        await Assertions.Expect(greeting).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await page.WaitForTimeoutAsync(800);
        await AssertTopIsInViewAsync(chat, greeting);
        await Screenshot(page, "phone-open.png");

        await close.TapAsync();
        await Assertions.Expect(panel).ToHaveAttributeAsync("data-open", "false");
        await Assertions.Expect(launcher).ToBeVisibleAsync();
        Assert.Empty(failures);
    }

    [Theory]
    [InlineData(1280, 800, false)]
    [InlineData(390, 844, false)]
    [InlineData(1280, 800, true)]
    [InlineData(390, 844, true)]
    public async Task The_demo_page_and_open_chat_have_no_serious_accessibility_violations_in_light_and_dark(int width, int height, bool dark)
    {
        using var server = BotHost.OnKestrel();
        await using var browser = await LaunchAsync();
        var page = await browser.Browser.NewPageAsync(new() { ViewportSize = new() { Width = width, Height = height }, ColorScheme = dark ? ColorScheme.Dark : ColorScheme.Light });
        await page.GotoAsync(server.BaseAddress.ToString());
        await page.Locator("#leashbot-launcher").ClickAsync();
        await Assertions.Expect(page.Locator("#leashbot-panel")).ToHaveAttributeAsync("data-theme", dark ? "dark" : "light");
        await Assertions.Expect(Said(page.Locator("#leashbot-webchat"), "Hi! I")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Assertions.Expect(page.Locator("#leashbot-webchat button.webchat__suggested-action").First).ToBeVisibleAsync();

        // axe's defaults plus WCAG 2.2 AA's target size (24 by 24 CSS pixels, or spaced as far apart).
        var results = await page.RunAxe(new AxeRunOptions { Rules = new Dictionary<string, RuleOptions> { ["target-size"] = new() { Enabled = true } } });
        var serious = results.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, string.Join("\n", serious.Select(v => $"{v.Impact} {v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Take(3).Select(n => string.Join(" ", n.Target)))})")));
        Assert.Contains(results.Passes.Concat(results.Incomplete), r => r.Id == "target-size");
    }

    [Fact]
    public async Task The_browser_downloads_Web_Chat_compressed()
    {
        using var server = BotHost.OnKestrel();
        await using var browser = await LaunchAsync();
        var page = await browser.Browser.NewPageAsync();
        await page.GotoAsync(server.BaseAddress.ToString());
        var bundle = page.WaitForResponseAsync(r => r.Url.EndsWith("/lib/webchat/webchat.js", StringComparison.Ordinal));
        await page.Locator("#leashbot-launcher").ClickAsync();
        var response = await bundle;
        await response.FinishedAsync();
        var sizes = await response.Request.SizesAsync();
        var encoding = await response.HeaderValueAsync("content-encoding");
        Assert.Contains(encoding, new[] { "br", "gzip" });
        Assert.True(sizes.ResponseBodySize < 1_100_000, $"Web Chat's bundle took {sizes.ResponseBodySize} bytes ({encoding}).");
        Console.WriteLine($"Web Chat's bundle: {sizes.ResponseBodySize} bytes over the wire ({encoding}).");
        await Assertions.Expect(Said(page.Locator("#leashbot-webchat"), "Hi! I")).ToBeVisibleAsync(new() { Timeout = 20_000 });
    }

    [Fact]
    public async Task The_demo_page_has_a_favicon_and_cat_only_art()
    {
        using var server = BotHost.OnKestrel();
        await using var browser = await LaunchAsync();
        var page = await browser.Browser.NewPageAsync();
        await page.GotoAsync(server.BaseAddress.ToString());
        var icon = await page.EvaluateAsync<string>("document.querySelector('link[rel=icon]').href");
        using var response = await server.Http.GetAsync(new Uri(icon).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);

        var html = await page.ContentAsync();
        foreach (var dog in new[] { "\U0001F9AE", "\U0001F415", "\U0001F436", "\U0001F429" })
        {
            Assert.DoesNotContain(dog, html, StringComparison.Ordinal);
        }

        await Assertions.Expect(page.Locator(".art svg")).ToBeVisibleAsync();
    }

    /// <summary>The element's top edge is inside the visible part of the chat's scrolling transcript.</summary>
    private static async Task AssertTopIsInViewAsync(ILocator chat, ILocator element)
    {
        var transcript = chat.Locator(".webchat__basic-transcript__scrollable").First;
        var view = await transcript.BoundingBoxAsync();
        var box = await element.First.BoundingBoxAsync();
        Assert.NotNull(view);
        Assert.NotNull(box);
        Assert.True(box!.Y >= view!.Y - 1 && box.Y <= view.Y + view.Height - 20,
            $"The greeting starts at y={box.Y}, outside the transcript's view ({view.Y} to {view.Y + view.Height}).");
    }

    private static void AssertOnScreen(LocatorBoundingBoxResult? box, int width, int height, string what)
    {
        Assert.True(box is not null, $"The {what} has no box.");
        Assert.True(box!.Width > 0 && box.Height > 0 && box.X >= 0 && box.Y >= 0 && box.X + box.Width <= width + 0.5 && box.Y + box.Height <= height + 0.5,
            $"The {what} is off screen: {box.X},{box.Y} {box.Width}x{box.Height} in {width}x{height}.");
    }
}
