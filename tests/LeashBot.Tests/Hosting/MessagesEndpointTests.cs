using System.Net;
using System.Text;
using LeashBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;

namespace LeashBot.Tests.Hosting;

/// <summary>
/// POST /api/messages through the real CloudAdapter. Bad input tried here: malformed JSON, an empty body,
/// an activity with no type, an unknown activity type, a message with only an attachment, a 5,000-character text
/// (a 1 MB body is a 413, see MessagesPipelineTests),
/// unicode and emoji, a GET. Each gets a 4xx or a polite reply, and a cat's saved progress is untouched.
/// </summary>
public sealed class MessagesEndpointTests(SharedHost shared) : IClassFixture<SharedHost>
{
    private readonly BotHost _host = shared.Host;

    [Fact]
    public async Task Healthz_answers_200()
    {
        using var response = await _host.CreateClient().GetAsync(new Uri("/healthz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_message_gets_a_reply_in_the_response_body_with_expect_replies()
    {
        var replies = await _host.NewOwner().SaysAsync("hello");
        Assert.NotEmpty(replies.Texts);
        Assert.All(replies.Activities, a => Assert.Equal("message", (string?)a["type"]));
    }

    [Theory]
    [InlineData("{\"type\": \"message\", \"text\": ")]
    [InlineData("not json at all")]
    [InlineData("")]
    [InlineData("{\"text\": \"an activity with no type\", \"conversation\": {\"id\": \"c\"}}")]
    [InlineData("[1, 2, 3]")]
    public async Task Broken_bodies_get_a_4xx_never_a_500(string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await _host.CreateClient().PostAsync(new Uri("/api/messages", UriKind.Relative), content);
        Assert.InRange((int)response.StatusCode, 400, 499);
    }

    [Fact]
    public async Task A_get_on_the_messages_endpoint_is_405()
    {
        using var response = await _host.CreateClient().GetAsync(new Uri("/api/messages", UriKind.Relative));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task Bad_messages_get_polite_replies_and_leave_progress_alone()
    {
        var owner = _host.NewOwner();
        await owner.SaysAsync("start training");
        await owner.SaysAsync("Milo");
        await owner.SaysAsync("10 minutes, relaxed");
        await owner.SaysAsync("yes");

        var unknown = await owner.PostAsync(owner.Activity("somethingNew", "hi"));
        Assert.Empty(unknown.Activities);

        var attachmentOnly = owner.Activity("message", null);
        attachmentOnly["attachments"] = new JArray(new JObject { ["contentType"] = "image/png", ["contentUrl"] = "https://example.org/milo.png" });
        (await owner.PostAsync(attachmentOnly)).Says("only read text");

        (await owner.SaysAsync(new string('a', 5000))).Says("a lot of text");
        (await owner.SaysAsync("   ")).Says("only read text");
        (await owner.SaysAsync("🐱🐾😺 ñandú 中文 مرحبا")).Says("Here's what I can");

        (await owner.SaysAsync("how's Milo doing?")).Says("step 2 of 10");
    }

    [Fact]
    public async Task A_failing_turn_gets_one_friendly_sentence_and_saved_progress_is_kept()
    {
        var clock = new BreakableClock();
        var logs = new LogCapture();
        using var host = new BotHost().WithServices(services =>
        {
            services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock));
            services.AddSingleton<ILoggerProvider>(logs);
        });
        var owner = host.NewOwner();
        await owner.SaysAsync("start training");
        await owner.SaysAsync("Milo");
        await owner.SaysAsync("10 minutes, relaxed");
        await owner.SaysAsync("yes");

        clock.Broken = true;
        var failed = await owner.SaysAsync("we did 7 minutes of secret-sauce practice, he was relaxed");
        failed.Says("something went wrong").DoesNotSay("Exception").DoesNotSay(" at ");
        Assert.Single(failed.Texts);

        clock.Broken = false;
        (await owner.SaysAsync("how's Milo doing?")).Says("step 2 of 10").Says("No sessions logged yet");
        Assert.Contains(logs.Entries, e => e.Level >= LogLevel.Error && e.Message.Contains("Turn failed", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Entries, e => e.Level > LogLevel.Debug && e.Message.Contains("secret-sauce", StringComparison.Ordinal));
    }

    private sealed class BreakableClock : TimeProvider
    {
        public bool Broken { get; set; }

        public override DateTimeOffset GetUtcNow() =>
            Broken ? throw new InvalidOperationException("clock broke while reading 'secret-sauce'") : new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    }
}
