using System.Net;
using System.Security.Cryptography;
using System.Text;
using LeashBot.Tests.Support;
using Newtonsoft.Json.Linq;

namespace LeashBot.Tests.StaffConsole;

/// <summary>Two sites on one host: each speaks as its own organization, and each site's staff see only its conversations.</summary>
public sealed class SiteTests
{
    private const string NorthKey = "north-staff-key-0b7d51f3c9a2";
    private const string SouthKey = "south-staff-key-6e28a0d4f71b";

    private static BotHost TwoSites() => BotHost.Create(new BotHostOptions
    {
        Settings = new Dictionary<string, string?>
        {
            ["Console:OpenOnThisMachine"] = "false",
            ["Sites:0:Id"] = "north",
            ["Sites:0:Numbers:0"] = "+1 555 0101",
            ["Sites:0:Organization:Name"] = "Northside Cat Clinic",
            ["Sites:0:Organization:EmergencyPhone"] = "555-0111",
            ["Sites:0:AccessKeySha256"] = Sha256(NorthKey),
            ["Sites:1:Id"] = "south",
            ["Sites:1:Numbers:0"] = "+15550202",
            ["Sites:1:Organization:Name"] = "Southbank Pet Store",
            ["Sites:1:Organization:EmergencyPhone"] = "555-0222",
            ["Sites:1:Organization:TimeZone"] = "Australia/Sydney",
            ["Sites:1:AccessKeySha256"] = Sha256(SouthKey),
        },
    });

    private static string Sha256(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>An SMS owner texting one site's number (the recipient is the number, as Azure's SMS channel gives it).</summary>
    private static async Task<Replies> TextAsync(BotHost host, string number, string from, string text)
    {
        var owner = host.NewOwner("sms", from, from);
        return await owner.PostAsync(owner.Activity("message", text, new JObject { ["recipient"] = new JObject { ["id"] = number } }));
    }

    private static async Task<HttpClient> SignedInAsync(BotHost host, string key)
    {
        var client = host.CreateClient(new() { HandleCookies = true, AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/console/signin") { Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = "Sam", ["key"] = key }) };
        request.Headers.Add("Origin", host.Origin);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    [Fact]
    public async Task Each_site_speaks_as_its_own_organization_and_its_staff_never_see_the_other_sites_conversations()
    {
        using var host = TwoSites();
        (await TextAsync(host, "+15550101", "n-owner", "hi")).Says("Northside Cat Clinic");
        (await TextAsync(host, "+1 (555) 0202", "s-owner", "hi")).Says("Southbank Pet Store");
        await TextAsync(host, "+15550101", "n-owner", "northern gibberish flibbertigibbet");
        await TextAsync(host, "+15550202", "s-owner", "southern gibberish wobbledygook");
        (await TextAsync(host, "+15550101", "n-owner", "my cat ate a lily")).Says("555-0111").DoesNotSay("555-0222");
        (await TextAsync(host, "+15550202", "s-owner", "he collapsed and isnt breathing right")).Says("555-0222").DoesNotSay("555-0111");

        using var north = await SignedInAsync(host, NorthKey);
        var flags = JArray.Parse(await north.GetStringAsync(new Uri("/console/api/redflags", UriKind.Relative)));
        var flag = Assert.Single(flags);
        Assert.Equal("north", (string?)flag["site"]);
        Assert.DoesNotContain("collapsed", flags.ToString(), StringComparison.Ordinal);
        var missed = await north.GetStringAsync(new Uri("/console/api/missed", UriKind.Relative));
        Assert.Contains("flibbertigibbet", missed, StringComparison.Ordinal);
        Assert.DoesNotContain("wobbledygook", missed, StringComparison.Ordinal);
        var me = JObject.Parse(await north.GetStringAsync(new Uri("/console/api/me", UriKind.Relative)));
        Assert.Equal(["north"], me["sites"]!.Select(s => (string)s["id"]!));
        using (var other = await north.GetAsync(new Uri("/console/api/redflags?site=south", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        }

        var charts = JArray.Parse(await north.GetStringAsync(new Uri("/console/api/charts", UriKind.Relative)));
        var conversations = charts.First(c => (string?)c["name"] == "conversations-per-day")["series"]!.Children<JProperty>().Sum(p => p.Value.Values<double>().Sum());
        Assert.Equal(1, conversations);

        using var south = await SignedInAsync(host, SouthKey);
        var southFlag = Assert.Single(JArray.Parse(await south.GetStringAsync(new Uri("/console/api/redflags", UriKind.Relative))));
        Assert.Equal("south", (string?)southFlag["site"]);
        Assert.Contains("+1", (string?)southFlag["localTime"] ?? "", StringComparison.Ordinal); // Sydney, ahead of UTC
        Assert.DoesNotContain("555", southFlag.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_key_the_console_refuses_other_machines_and_a_wrong_key_is_a_401()
    {
        using var host = TwoSites();
        using var anonymous = host.CreateClient(new() { AllowAutoRedirect = false });
        using (var page = await anonymous.GetAsync(new Uri("/console", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, page.StatusCode);
            Assert.Contains("Access key", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "/console/signin") { Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["key"] = "guess" }) };
        request.Headers.Add("Origin", host.Origin);
        using (var wrong = await anonymous.SendAsync(request))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using var forged = new HttpRequestMessage(HttpMethod.Post, "/console/signin") { Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["key"] = NorthKey }) };
        forged.Headers.Add("Origin", "https://evil.example");
        using (var crossSite = await anonymous.SendAsync(forged))
        {
            Assert.Equal(HttpStatusCode.Forbidden, crossSite.StatusCode);
        }

        using var noKeys = BotHost.Create(new BotHostOptions { Settings = new Dictionary<string, string?> { ["Console:OpenOnThisMachine"] = "false" } });
        using var closed = await noKeys.Http.GetAsync(new Uri("/console/api/charts", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, closed.StatusCode);
    }
}
