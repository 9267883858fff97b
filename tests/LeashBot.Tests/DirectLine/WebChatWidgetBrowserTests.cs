using Microsoft.Playwright;
using LeashBot.Tests.Support;
using static LeashBot.Tests.DirectLine.Browser;

namespace LeashBot.Tests.DirectLine;

/// <summary>
/// The widget as people expect it, in Debian's Chromium on the real host: menu buttons that wrap, a typing indicator,
/// an unread badge, dark mode, one close button, and a modal with a focus trap when it fills a phone's screen.
/// </summary>
public sealed class WebChatWidgetBrowserTests
{
    private static readonly BrowserNewPageOptions Phone = new() { ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true, DeviceScaleFactor = 2 };

    [Fact]
    public async Task On_a_phone_every_menu_button_is_on_screen_without_sideways_scrolling()
    {
        using var server = BotHost.OnKestrel();
        await using var browser = await LaunchAsync();
        var page = await browser.Browser.NewPageAsync(Phone);
        await page.GotoAsync(server.BaseAddress.ToString());
        await page.Locator("#leashbot-launcher").TapAsync();
        var chat = page.Locator("#leashbot-webchat");
        var buttons = chat.Locator("button.webchat__suggested-action");
        await Assertions.Expect(buttons.First).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await page.WaitForTimeoutAsync(500);

        var count = await buttons.CountAsync();
        Assert.True(count >= 3, $"Only {count} menu buttons.");
        var rows = new HashSet<double>();
        for (var i = 0; i < count; i++)
        {
            var box = await buttons.Nth(i).BoundingBoxAsync();
            Assert.NotNull(box);
            Assert.True(box!.X >= 0 && box.X + box.Width <= 390.5, $"Button {i} sticks out sideways: x={box.X}, width={box.Width}.");
            Assert.True(box.Height >= 24 && box.Width >= 24, $"Button {i} is smaller than a 24 px target: {box.Width}x{box.Height}.");
            rows.Add(Math.Round(box.Y));
        }

        Assert.True(rows.Count > 1, "The menu buttons are all in one row.");
        await Screenshot(page, "phone-menu-buttons.png");
    }

    [Fact]
    public async Task While_the_bot_works_a_typing_indicator_shows_and_an_answer_to_a_closed_chat_puts_a_badge_on_the_launcher()
    {
        using var server = BotHost.OnKestrel();
        await using var browser = await LaunchAsync();
        var page = await browser.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 800 } });
        var failures = TrackFailures(page);
        await page.GotoAsync(server.BaseAddress.ToString());
        var launcher = page.Locator("#leashbot-launcher");
        await launcher.ClickAsync();
        var chat = page.Locator("#leashbot-webchat");
        await Assertions.Expect(Said(chat, "Hi! I")).ToBeVisibleAsync(new() { Timeout = 20_000 });

        // A slow network: each message reaches the host two seconds late.
        await page.RouteAsync("**/activities", async route =>
        {
            if (route.Request.Method == "POST")
            {
                await Task.Delay(2000);
            }

            await route.ContinueAsync();
        });
        await TypeAsync(chat, "is my cat ready for a harness?");
        await Assertions.Expect(chat.Locator(".webchat__typing-indicator")).ToBeVisibleAsync(new() { Timeout = 1500 });
        await Assertions.Expect(Said(chat, "know your cats yet")).ToHaveCountAsync(1, new() { Timeout = 15_000 });
        await Assertions.Expect(chat.Locator(".webchat__typing-indicator")).ToHaveCountAsync(0, new() { Timeout = 5_000 });

        // Closed before the answer comes: the launcher counts its messages, and opening clears the count.
        var botMessagesBefore = await chat.Locator(".webchat__bubble:not(.webchat__bubble--from-user)").CountAsync();
        await TypeAsync(chat, "Mochi");
        await page.Locator(".leashbot-close").ClickAsync();
        var badge = launcher.Locator(".leashbot-badge");
        await Assertions.Expect(badge).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Assertions.Expect(Said(chat, "Mochi").First).ToBeAttachedAsync(new() { Timeout = 15_000 });
        var count = int.Parse(await badge.InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
        var botMessagesSinceClosing = await chat.Locator(".webchat__bubble:not(.webchat__bubble--from-user)").CountAsync() - botMessagesBefore;
        Assert.Equal(botMessagesSinceClosing, count);
        await Assertions.Expect(launcher).ToHaveAttributeAsync("aria-label", new System.Text.RegularExpressions.Regex($"{count} new message"));
        await Screenshot(page, "launcher-unread-badge.png");
        await launcher.ClickAsync();
        await Assertions.Expect(badge).ToBeHiddenAsync();
        await Assertions.Expect(Said(chat, "Mochi").First).ToBeVisibleAsync();
        Assert.Empty(failures);
    }

    [Fact]
    public async Task Open_there_is_one_close_button_and_on_a_phone_the_chat_is_a_modal_that_keeps_the_keyboard_inside()
    {
        using var server = BotHost.OnKestrel();
        await using var browser = await LaunchAsync();

        var desktop = await browser.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 800 } });
        await desktop.GotoAsync(server.BaseAddress.ToString());
        await desktop.Locator("#leashbot-launcher").ClickAsync();
        await Assertions.Expect(Said(desktop.Locator("#leashbot-webchat"), "Hi! I")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        // Buttons a sighted visitor can see and press (Web Chat also keeps a visually hidden "Close" for its keyboard help).
        var names = await desktop.EvaluateAsync<string[]>("() => Array.from(document.querySelectorAll('button')).filter(b => { const r = b.getBoundingClientRect(); if (r.width < 10 || r.height < 10) return false; const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2); return hit !== null && b.contains(hit); }).map(b => b.getAttribute('aria-label') || b.title || b.textContent.trim())");
        Assert.True(names.Count(n => n.Contains("close", StringComparison.OrdinalIgnoreCase)) == 1, "Visible buttons: " + string.Join(" | ", names));
        await Assertions.Expect(desktop.Locator("#leashbot-launcher")).ToBeHiddenAsync();
        await Assertions.Expect(desktop.Locator("#leashbot-panel")).ToHaveAttributeAsync("aria-modal", "false");

        var phone = await browser.Browser.NewPageAsync(Phone);
        await phone.GotoAsync(server.BaseAddress.ToString());
        await phone.Locator("#leashbot-launcher").TapAsync();
        var panel = phone.Locator("#leashbot-panel");
        await Assertions.Expect(Said(phone.Locator("#leashbot-webchat"), "Hi! I")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Assertions.Expect(panel).ToHaveAttributeAsync("aria-modal", "true");
        await Assertions.Expect(panel).ToHaveAttributeAsync("role", "dialog");
        await Assertions.Expect(phone.Locator(".leashbot-close")).ToBeFocusedAsync();

        // Forty presses of Tab and of Shift+Tab never leave the chat.
        foreach (var key in new[] { "Tab", "Shift+Tab" })
        {
            for (var i = 0; i < 40; i++)
            {
                await phone.Keyboard.PressAsync(key);
                Assert.True(await phone.EvaluateAsync<bool>("() => document.getElementById('leashbot-panel').contains(document.activeElement)"), $"{key} #{i + 1} left the chat.");
            }
        }

        await phone.Keyboard.PressAsync("Escape");
        await Assertions.Expect(panel).ToHaveAttributeAsync("data-open", "false");
        await Assertions.Expect(panel).ToHaveAttributeAsync("aria-modal", "false");
        await Assertions.Expect(phone.Locator("#leashbot-launcher")).ToBeFocusedAsync();
    }

    [Fact]
    public async Task Dark_mode_follows_the_system_and_a_site_that_declares_it_and_light_stays_light()
    {
        await using var site = await StaticSite.StartAsync();
        using var server = BotHost.OnKestrel(new() { ["WebChat:AllowedOrigins:0"] = site.Origin });
        site.EmbedFrom(server.Origin);
        await using var browser = await LaunchAsync();

        var systemDark = await browser.Browser.NewPageAsync(new() { ColorScheme = ColorScheme.Dark });
        await systemDark.GotoAsync(server.BaseAddress.ToString());
        await systemDark.Locator("#leashbot-launcher").ClickAsync();
        await Assertions.Expect(Said(systemDark.Locator("#leashbot-webchat"), "Hi! I")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Assertions.Expect(systemDark.Locator("#leashbot-panel")).ToHaveAttributeAsync("data-theme", "dark");
        // The first painted background behind the transcript is the dark one.
        var background = await systemDark.EvaluateAsync<string>(
            "() => { for (let e = document.querySelector('#leashbot-webchat .webchat__basic-transcript'); e; e = e.parentElement) { const c = getComputedStyle(e).backgroundColor; if (c !== 'rgba(0, 0, 0, 0)') return c; } return ''; }");
        Assert.Equal("rgb(27, 29, 31)", background);
        await Screenshot(systemDark, "widget-dark.png");

        // The system turns light: so does the open chat.
        await systemDark.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Light });
        await Assertions.Expect(systemDark.Locator("#leashbot-panel")).ToHaveAttributeAsync("data-theme", "light");

        // A site that says it is dark gets a dark chat on a light system; data-theme wins over both.
        site.EmbedAttributes = "data-open=\"true\"";
        var siteDark = await browser.Browser.NewPageAsync(new() { ColorScheme = ColorScheme.Light });
        await siteDark.AddInitScriptAsync("document.addEventListener('DOMContentLoaded', () => { document.documentElement.style.colorScheme = 'dark'; });");
        await siteDark.GotoAsync(site.Origin + "/");
        await Assertions.Expect(siteDark.Locator("#leashbot-panel")).ToHaveAttributeAsync("data-theme", "dark", new() { Timeout = 20_000 });

        site.EmbedAttributes = "data-open=\"true\" data-theme=\"light\"";
        var forcedLight = await browser.Browser.NewPageAsync(new() { ColorScheme = ColorScheme.Dark });
        await forcedLight.GotoAsync(site.Origin + "/");
        await Assertions.Expect(forcedLight.Locator("#leashbot-panel")).ToHaveAttributeAsync("data-theme", "light", new() { Timeout = 20_000 });
    }
}
