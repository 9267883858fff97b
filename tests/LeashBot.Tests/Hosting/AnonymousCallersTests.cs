using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using LeashBot.Hosting;
using LeashBot.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace LeashBot.Tests.Hosting;

/// <summary>
/// Without a MicrosoftAppId, Bot Framework authenticates nobody, so /api/messages serves this machine only.
/// A caller elsewhere is given a documentation address (203.0.113.7, 2001:db8::7) on the in-process test server's
/// connection: no packet leaves the machine. Tried: posting as another owner, reading their progress, answering
/// their pending question and "forget me" from a remote address; IPv4, IPv6 and IPv4-mapped loopback.
/// </summary>
public sealed class AnonymousCallersTests
{
    private static readonly IPAddress Remote = IPAddress.Parse("203.0.113.7");

    [Fact]
    public async Task A_remote_caller_cannot_post_as_an_owner_and_the_owners_progress_is_untouched()
    {
        using var host = new BotHost();
        var victim = host.NewOwner();
        await victim.SaysAsync("start training");
        await victim.SaysAsync("Milo");
        await victim.SaysAsync("we did 10 minutes, he was relaxed");

        foreach (var attack in new[] { "how's Milo doing?", "forget me", "yes" })
        {
            var (status, body) = await PostFromAsync(host, Remote, victim.Activity("message", attack));
            Assert.Equal(HttpStatusCode.Forbidden, status);
            Assert.Contains("MicrosoftAppId", body, StringComparison.Ordinal);
            Assert.DoesNotContain("Milo", body, StringComparison.Ordinal);
        }

        // The forbidden "yes" would have answered "Shall I move Milo on?": he is still on step 1 with his one session.
        (await victim.SaysAsync("how's Milo doing?")).Says("step 1 of 10").Says("Sessions at this step: 1,");
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.8.9.10")]
    [InlineData("::1")]
    [InlineData("::ffff:127.0.0.1")]
    public async Task A_caller_on_this_machine_is_served(string address)
    {
        using var host = new BotHost();
        var owner = host.NewOwner();
        var (status, body) = await PostFromAsync(host, IPAddress.Parse(address), owner.Activity("message", "my cat froze, what now?"));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Freezing", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_IPv6_remote_caller_is_refused_too()
    {
        using var host = new BotHost();
        var (status, _) = await PostFromAsync(host, IPAddress.Parse("2001:db8::7"), host.NewOwner().Activity("message", "hi"));
        Assert.Equal(HttpStatusCode.Forbidden, status);
    }

    [Fact]
    public async Task The_clearly_named_setting_opens_it_and_start_up_warns()
    {
        var logs = new LogCapture();
        using var host = new BotHost(new() { ["AnonymousCallers:AllowRemote"] = "true" })
            .WithServices(services => services.AddSingleton<ILoggerProvider>(logs));
        var (status, _) = await PostFromAsync(host, Remote, host.NewOwner().Activity("message", "hi"));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("AnonymousCallers:AllowRemote", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_guard_stays_quiet_when_closed()
    {
        var logs = new LogCapture();
        using var host = new BotHost().WithServices(services => services.AddSingleton<ILoggerProvider>(logs));
        await PostFromAsync(host, IPAddress.Loopback, host.NewOwner().Activity("message", "hi"));
        Assert.DoesNotContain(logs.Entries, e => e.Message.Contains("AnonymousCallers:AllowRemote", StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_an_app_id_a_remote_caller_without_a_token_meets_Bot_Framework_authentication()
    {
        using var host = new BotHost(new()
        {
            ["MicrosoftAppType"] = "MultiTenant",
            ["MicrosoftAppId"] = "00000000-0000-0000-0000-000000000001",
            ["MicrosoftAppPassword"] = "not-a-real-secret",
        });
        var (status, _) = await PostFromAsync(host, Remote, host.NewOwner().Activity("message", "hi"));
        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [Fact]
    public async Task The_built_in_Direct_Line_still_serves_remote_visitors()
    {
        using var host = new BotHost();
        var (tokenStatus, tokenBody) = await SendFromAsync(host, Remote, HttpMethods.Post, "/api/directline/token", null, null);
        Assert.Equal(HttpStatusCode.OK, tokenStatus);
        var token = JsonNode.Parse(tokenBody)!["token"]!.GetValue<string>();

        var (startStatus, startBody) = await SendFromAsync(host, Remote, HttpMethods.Post, "/v3/directline/conversations", token, null);
        Assert.Equal(HttpStatusCode.Created, startStatus);
        var conversation = JsonNode.Parse(startBody)!;
        var id = conversation["conversationId"]!.GetValue<string>();
        token = conversation["token"]!.GetValue<string>();

        var activity = new JObject
        {
            ["type"] = "message",
            ["text"] = "my cat froze, what now?",
            ["from"] = new JObject { ["id"] = "visitor" },
        };
        var (postStatus, _) = await SendFromAsync(host, Remote, HttpMethods.Post, $"/v3/directline/conversations/{id}/activities", token, activity.ToString(Formatting.None));
        Assert.Equal(HttpStatusCode.OK, postStatus);

        var deadline = DateTime.UtcNow.AddSeconds(10);
        var transcript = "";
        while (!transcript.Contains("Freezing", StringComparison.Ordinal) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            (_, transcript) = await SendFromAsync(host, Remote, HttpMethods.Get, $"/v3/directline/conversations/{id}/activities?watermark=", token, null);
        }

        Assert.Contains("Freezing", transcript, StringComparison.Ordinal);
    }

    private static Task<(HttpStatusCode Status, string Body)> PostFromAsync(BotHost host, IPAddress from, JObject activity) =>
        SendFromAsync(host, from, HttpMethods.Post, "/api/messages", null, activity.ToString(Formatting.None));

    private static async Task<(HttpStatusCode Status, string Body)> SendFromAsync(BotHost host, IPAddress from, string method, string path, string? token, string? json)
    {
        var context = await host.Server.SendAsync(c =>
        {
            c.Connection.RemoteIpAddress = from;
            c.Request.Method = method;
            var query = path.IndexOf('?', StringComparison.Ordinal);
            c.Request.Path = query < 0 ? path : path[..query];
            c.Request.QueryString = query < 0 ? QueryString.Empty : new QueryString(path[query..]);
            if (token is not null)
            {
                c.Request.Headers.Authorization = "Bearer " + token;
            }

            if (json is not null)
            {
                c.Request.ContentType = "application/json";
                c.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(json));
            }
        });
        using var reader = new StreamReader(context.Response.Body);
        return ((HttpStatusCode)context.Response.StatusCode, await reader.ReadToEndAsync());
    }
}
