using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace LeashBot.Tests.DirectLine;

/// <summary>Debian's Chromium driven by Playwright (never downloaded), and what the widget's browser tests share.</summary>
internal static class Browser
{
    private const string ChromiumPath = "/usr/bin/chromium";

    public static async Task<BrowserSession> LaunchAsync()
    {
        Assert.True(File.Exists(ChromiumPath), $"Chromium is missing at {ChromiumPath}: install it with `apt-get install -y chromium` (these tests never download a browser).");
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        return new BrowserSession(playwright, browser);
    }

    /// <summary>Message paragraphs in the transcript (Web Chat also repeats text in screen-reader labels).</summary>
    public static ILocator Said(ILocator chat, string text) => chat.Locator("p", new() { HasText = text });

    /// <summary>Web Chat's send box.</summary>
    public static ILocator SendBox(ILocator chat) => chat.Locator("[data-id='webchat-sendbox-input'], .webchat__send-box-text-box__input").First;

    /// <summary>Types <paramref name="text"/> into the send box and sends it with Enter.</summary>
    public static async Task TypeAsync(ILocator chat, string text)
    {
        var input = SendBox(chat);
        await input.FillAsync(text);
        await input.PressAsync("Enter");
    }

    public static async Task Screenshot(IPage page, string name)
    {
        var shot = Path.Combine(AppContext.BaseDirectory, "screenshots", name);
        Directory.CreateDirectory(Path.GetDirectoryName(shot)!);
        await page.ScreenshotAsync(new() { Path = shot });
    }

    /// <summary>Collects page errors and 5xx answers; a test asserts the list is empty.</summary>
    public static List<string> TrackFailures(IPage page)
    {
        var failures = new List<string>();
        page.PageError += (_, error) => failures.Add("page error: " + error);
        page.Response += (_, response) =>
        {
            if (response.Status >= 500)
            {
                failures.Add($"{response.Status} {response.Url}");
            }
        };
        return failures;
    }
}

internal sealed record BrowserSession(IPlaywright Playwright, IBrowser Browser) : IAsyncDisposable
{
    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        Playwright.Dispose();
    }
}

/// <summary>
/// Another origin: a tiny Kestrel shop with two pages ("/" and "/harnesses"), each with the one-line embed of the bot
/// at <see cref="EmbedFrom"/> and the script attributes in <see cref="EmbedAttributes"/>.
/// </summary>
internal sealed class StaticSite : IAsyncDisposable
{
    private readonly WebApplication _app;
    private string _botOrigin = "";

    private StaticSite(WebApplication app) => _app = app;

    public string Origin { get; private set; } = "";

    /// <summary>Extra attributes on the embed's script tag, e.g. <c>data-websocket="false"</c>.</summary>
    public string EmbedAttributes { get; set; } = "data-open=\"true\"";

    public static async Task<StaticSite> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var site = new StaticSite(app);
        app.MapGet("/", () => site.Page("Corner Pet Shop", "Harnesses and more."));
        app.MapGet("/harnesses", () => site.Page("Harnesses – Corner Pet Shop", "Soft vest harnesses in three sizes."));
        await app.StartAsync();
        site.Origin = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).GetLeftPart(UriPartial.Authority);
        return site;
    }

    public void EmbedFrom(string botOrigin) => _botOrigin = botOrigin;

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private IResult Page(string title, string text) => Results.Content(
        $"""
        <!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title}</title></head>
        <body><h1>{title}</h1><p>{text}</p><a href="/harnesses">Harnesses</a>
        <script src="{_botOrigin}/embed.js" {EmbedAttributes} async></script></body></html>
        """, "text/html");
}
