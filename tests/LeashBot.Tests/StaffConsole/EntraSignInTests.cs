using System.Net;
using System.Security.Cryptography;
using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using LeashBot.Hosting.StaffConsole;
using LeashBot.Tests.Support;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;
using static LeashBot.Tests.DirectLine.Browser;

namespace LeashBot.Tests.StaffConsole;

/// <summary>
/// Staff sign-in with Entra ID, against <see cref="SimulatedEntra"/> (a real OpenID Connect provider on a loopback port,
/// since Entra can't run here), the real host on Kestrel and Debian's Chromium.
/// </summary>
public sealed class EntraSignInTests
{
    private const string StaffGroup = "0b6f7a1e-3c2d-4e5f-8a9b-1c2d3e4f5a6b";
    private const string OtherGroup = "9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b";

    private static readonly SimulatedAccount Outsider = new("Sam Carter", "sam@clinic.example", [OtherGroup]);
    private static readonly SimulatedAccount Vet = new("Dana Whitfield", "dana@clinic.example", [OtherGroup, StaffGroup]);

    private static BotHost Host(SimulatedEntra entra, Dictionary<string, string?>? more = null)
    {
        var settings = entra.Settings(StaffGroup);

        // A staff key is set too, and the browser is on this machine: with Entra ID neither opens the console.
        settings["Console:AccessKeySha256"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("an-old-staff-key")));
        settings["Console:OpenOnThisMachine"] = "true";
        foreach (var (key, value) in more ?? [])
        {
            settings[key] = value;
        }

        return BotHost.OnKestrel(settings);
    }

    private static async Task PickAsync(IPage page, SimulatedEntra entra, SimulatedAccount account)
    {
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("^" + System.Text.RegularExpressions.Regex.Escape(entra.Authority + "/authorize")));
        await page.GetByRole(AriaRole.Link, new() { Name = account.Name }).ClickAsync();
    }

    private static async Task AssertAxeCleanAsync(IPage page)
    {
        var results = await page.RunAxe(new AxeRunOptions { Rules = new Dictionary<string, RuleOptions> { ["target-size"] = new() { Enabled = true } } });
        Assert.True(results.Violations.Length == 0, string.Join("\n", results.Violations.Select(v => $"{v.Impact} {v.Id}: {v.Help}")));
    }

    [Fact]
    public async Task Simulated_Entra_sign_in_is_refused_outside_the_staff_group_then_accepted_inside_it_in_a_browser()
    {
        await using var entra = await SimulatedEntra.StartAsync(Outsider, Vet);
        using var host = Host(entra, new() { ["Organization:TimeZone"] = "America/Chicago" });
        await new Owner(host.Http, "webchat", "owner-lily", "conv-lily").SaysAsync("help, my cat chewed a lily leaf just now");

        await using var browser = await LaunchAsync();
        var page = await browser.Browser.NewPageAsync();
        var failures = TrackFailures(page);

        // Not signed in: the page goes to Entra's account picker. Sam isn't in the staff group: 403, and so is the API.
        await page.GotoAsync(host.Origin + "/console");
        await PickAsync(page, entra, Outsider);
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Sam Carter");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("isn't in the staff group");
        Assert.Equal(403, await page.EvaluateAsync<int>("fetch('/console/api/redflags').then(r => r.status)"));
        Assert.Equal(403, await page.EvaluateAsync<int>("fetch('/console').then(r => r.status)"));
        await AssertAxeCleanAsync(page);

        // Another account: the picker again, Dana is in the group and gets the console.
        await page.GetByRole(AriaRole.Button, new() { Name = "Use another account" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("signed out");
        await AssertAxeCleanAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in again" }).ClickAsync();
        await PickAsync(page, entra, Vet);
        await Assertions.Expect(page.Locator("#who")).ToHaveTextAsync("Signed in as Dana Whitfield");
        Assert.Equal(200, await page.EvaluateAsync<int>("fetch('/console/api/redflags').then(r => r.status)"));

        var cookie = Assert.Single(await page.Context.CookiesAsync(), c => c.Name == "leashbot-console");
        Assert.True(cookie.HttpOnly);
        Assert.True(cookie.Secure);
        Assert.Equal(SameSiteAttribute.Lax, cookie.SameSite);
        Assert.Equal("/console", cookie.Path);

        // The console works as Dana: the red flag is listed and followed up in her name.
        var card = page.Locator("#redflag-list > li").First;
        await Assertions.Expect(card).ToContainTextAsync("lily");
        await card.GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(page.Locator("#redflag-list > li").First).ToContainTextAsync("Followed up by Dana Whitfield");

        // The code flow with PKCE, the picker every time, and the secret only on the back channel.
        Assert.All(entra.AuthorizeRequests, q =>
        {
            Assert.Equal("select_account", q["prompt"]);
            Assert.Equal("S256", q["code_challenge_method"]);
            Assert.Equal(host.Origin + "/console/signin-oidc", q["redirect_uri"]);
            Assert.False(q.ContainsKey("client_secret"));
        });
        Assert.Equal(2, entra.TokenRequests.Count);
        Assert.Empty(failures);
    }

    [Fact]
    public async Task Simulated_Entra_a_token_signed_with_a_key_the_tenant_does_not_publish_is_refused_with_a_page()
    {
        await using var entra = await SimulatedEntra.StartAsync(Vet);
        using var host = Host(entra);
        entra.SignWithStrangerKey = true;

        await using var browser = await LaunchAsync();
        var page = await browser.Browser.NewPageAsync();
        var failures = TrackFailures(page);
        await page.GotoAsync(host.Origin + "/console");
        await PickAsync(page, entra, Vet);
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("didn't finish");
        Assert.DoesNotContain(await page.Context.CookiesAsync(), c => c.Name == "leashbot-console");
        Assert.Equal(401, await page.EvaluateAsync<int>("fetch('/console/api/redflags').then(r => r.status)"));

        // The same person with a genuine token gets in: the refusal was the signature's.
        entra.SignWithStrangerKey = false;
        await page.GetByRole(AriaRole.Link, new() { Name = "Try signing in again" }).ClickAsync();
        await PickAsync(page, entra, Vet);
        await Assertions.Expect(page.Locator("#who")).ToHaveTextAsync("Signed in as Dana Whitfield");
        Assert.Empty(failures);
    }

    [Fact]
    public async Task Simulated_Entra_a_sites_own_group_sees_that_site_alone()
    {
        const string NorthGroup = "5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a";
        var northNurse = new SimulatedAccount("Riley North", "riley@north.example", [OtherGroup, NorthGroup]);
        await using var entra = await SimulatedEntra.StartAsync(northNurse);
        using var host = Host(entra, new()
        {
            ["Sites:0:Id"] = "north",
            ["Sites:0:Numbers:0"] = "+15550101",
            ["Sites:0:StaffGroupId"] = NorthGroup,
            ["Sites:1:Id"] = "south",
            ["Sites:1:Numbers:0"] = "+15550202",
        });
        foreach (var (number, from, text) in new[] { ("+15550101", "n-owner", "she collapsed and her gums look grey"), ("+15550202", "s-owner", "he just collapsed, gums pale white") })
        {
            var owner = new Owner(host.Http, "sms", from, from);
            (await owner.PostAsync(owner.Activity("message", text, new Newtonsoft.Json.Linq.JObject { ["recipient"] = new Newtonsoft.Json.Linq.JObject { ["id"] = number } }))).Says("vet");
        }

        await using var browser = await LaunchAsync();
        var page = await browser.Browser.NewPageAsync();
        await page.GotoAsync(host.Origin + "/console");
        await PickAsync(page, entra, northNurse);
        await Assertions.Expect(page.Locator("#who")).ToHaveTextAsync("Signed in as Riley North");
        Assert.Equal(["north"], await page.EvaluateAsync<string[]>("fetch('/console/api/redflags').then(r => r.json()).then(rows => rows.map(r => r.site))"));
        Assert.Equal(403, await page.EvaluateAsync<int>("fetch('/console/api/redflags?site=south').then(r => r.status)"));
    }

    [Fact]
    public async Task Simulated_Entra_without_sign_in_pages_go_to_Entra_the_API_answers_401_and_neither_the_key_nor_this_machine_opens_it()
    {
        await using var entra = await SimulatedEntra.StartAsync(Vet);
        using var host = Host(entra);
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = host.BaseAddress };

        using var page = await http.GetAsync(new Uri("/console", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        var location = page.Headers.Location!;
        Assert.StartsWith(entra.Authority + "/authorize", location.ToString(), StringComparison.Ordinal);
        var query = QueryHelpers.ParseQuery(location.Query);
        Assert.Equal(SimulatedEntra.ClientId, query["client_id"]);
        Assert.Equal("code", query["response_type"]);
        Assert.Contains(page.Headers.GetValues("Set-Cookie"), c => c.Contains("secure", StringComparison.OrdinalIgnoreCase) && c.Contains("httponly", StringComparison.OrdinalIgnoreCase) && c.Contains("samesite=lax", StringComparison.OrdinalIgnoreCase));

        using (var api = await http.GetAsync(new Uri("/console/api/charts", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        }

        using var keyed = new HttpRequestMessage(HttpMethod.Post, new Uri("/console/signin", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = "Dana", ["key"] = "an-old-staff-key" }),
        };
        keyed.Headers.Add("Origin", host.Origin);
        using (var signIn = await http.SendAsync(keyed))
        {
            Assert.Equal(HttpStatusCode.Forbidden, signIn.StatusCode);
            Assert.DoesNotContain(signIn.Headers, h => h.Key == "Set-Cookie");
        }

        // A made-up answer on the way back from Entra: a page that says sign-in didn't finish, never a 500.
        using var forged = await http.GetAsync(new Uri("/console/signin-oidc?code=ABC&state=not-a-state", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Contains("didn't finish", await forged.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var cancelled = await http.GetAsync(new Uri("/console/signin-oidc?error=access_denied&error_description=cancelled", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, cancelled.StatusCode);
    }

    [Fact]
    public void Entra_settings_that_cannot_work_stop_the_host_with_the_reason()
    {
        var problems = new EntraSignInOptions { ClientId = SimulatedEntra.ClientId, TenantId = "common", StaffGroupId = "Vets" }.Problems().ToList();
        Assert.Contains(problems, p => p.Contains("'common'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("ClientSecret", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("object id", StringComparison.Ordinal));

        // No staff group anywhere: the host refuses to start, and says why.
        using var host = BotHost.Create(new BotHostOptions
        {
            Settings = new Dictionary<string, string?>
            {
                ["Console:Entra:TenantId"] = Guid.NewGuid().ToString(),
                ["Console:Entra:ClientId"] = SimulatedEntra.ClientId,
                ["Console:Entra:ClientSecret"] = SimulatedEntra.ClientSecret,
            },
        });
        var noGroup = Assert.ThrowsAny<Exception>(() => host.Services.GetRequiredService<IOptions<ConsoleOptions>>().Value);
        Assert.Contains("staff group", noGroup.ToString(), StringComparison.Ordinal);
    }
}
