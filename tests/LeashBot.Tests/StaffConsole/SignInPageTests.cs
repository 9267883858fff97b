using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using LeashBot.Hosting.StaffConsole;
using LeashBot.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace LeashBot.Tests.StaffConsole;

/// <summary>
/// The console's sign-in pages share one frame (head, stylesheet, heading): each page file holds only its title and
/// what it says, and is served as a whole document.
/// </summary>
public sealed class SignInPageTests
{
    private const string StaffKey = "frame-staff-key-5c1e9a0b7d24";

    public static TheoryData<string, string> SignInPages => new()
    {
        { "signin.html", "Access key" },
        { "signed-out.html", "signed out" },
        { "signin-failed.html", "didn't finish" },
        { "not-staff.html", "staff group" },
    };

    [Theory]
    [MemberData(nameof(SignInPages))]
    public async Task Every_sign_in_page_is_served_as_a_whole_document_in_the_shared_frame(string page, string says)
    {
        var html = await RenderAsync(page);

        Assert.StartsWith("<!doctype html>", html, StringComparison.Ordinal);
        Assert.EndsWith("</html>\n", html, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(html, "<title>[^<{]+ – LeashBot console</title>"));
        Assert.Contains("<link rel=\"stylesheet\" href=\"/console/console.css\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("{title}", html, StringComparison.Ordinal);
        Assert.DoesNotContain("{main}", html, StringComparison.Ordinal);

        // What the page says stands under the console's heading, inside the sign-in box.
        var heading = html.IndexOf("<h1>LeashBot console</h1>", StringComparison.Ordinal);
        var saying = heading < 0 ? -1 : html.IndexOf(says, heading, StringComparison.OrdinalIgnoreCase);
        var boxEnd = html.IndexOf("</main>", StringComparison.Ordinal);
        Assert.True(heading > html.IndexOf("<main class=\"signin\">", StringComparison.Ordinal) && saying > heading && boxEnd > saying, html);
    }

    [Fact]
    public async Task The_sign_in_page_over_http_is_the_framed_page_with_its_form()
    {
        using var host = BotHost.Create(new BotHostOptions
        {
            Settings = new Dictionary<string, string?>
            {
                ["Console:OpenOnThisMachine"] = "false",
                ["Console:AccessKeySha256"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(StaffKey))),
            },
        });
        using var anonymous = host.CreateClient(new() { AllowAutoRedirect = false });
        using var page = await anonymous.GetAsync(new Uri("/console", UriKind.Relative));
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, page.StatusCode);
        Assert.Equal(await RenderAsync("signin.html"), html);
        Assert.Contains("<title>Sign in – LeashBot console</title>", html, StringComparison.Ordinal);
        Assert.Contains("<form method=\"post\" action=\"/console/signin\">", html, StringComparison.Ordinal);
    }

    private static async Task<string> RenderAsync(string page)
    {
        var services = new ServiceCollection().AddLogging().BuildServiceProvider();
        var context = new DefaultHttpContext { RequestServices = services };
        using var body = new MemoryStream();
        context.Response.Body = body;
        await ConsoleEndpoints.Page(page).ExecuteAsync(context);
        return Encoding.UTF8.GetString(body.ToArray());
    }
}
