using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using LeashBot.Channels.Sms;
using LeashBot.Tests.Support;
using LeashBot.Storage;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace LeashBot.Tests.Channels;

/// <summary>
/// The direct Twilio webhook through the real host. Twilio is simulated: the tests post the form Twilio posts,
/// signed the way Twilio signs it (HMAC-SHA1 of the public URL and the sorted fields with the auth token).
/// Bad input tried: a wrong signature, no signature, a signature for another URL, a tampered body, no From,
/// a JSON body, the webhook switched off.
/// </summary>
public sealed class TwilioSmsTests : IDisposable
{
    private const string AuthToken = "twilio-test-auth-token-0123456789";
    private const string PublicBase = "https://bot.clinic.example";
    private const string Number = "+15557654321";

    private readonly LogCapture _logs = new();
    private readonly BotHost _host;
    private readonly HttpClient _http;

    public TwilioSmsTests()
    {
        _host = new BotHost(new()
        {
            ["Sms:Twilio:AuthToken"] = AuthToken,
            ["Sms:Twilio:PublicBaseUrl"] = PublicBase,
            ["Sms:Twilio:MessagesPerNumberPerMinute"] = "6",
        }).WithServices(services => services.AddSingleton<ILoggerProvider>(_logs));
        _http = _host.CreateClient();
    }

    public void Dispose()
    {
        _http.Dispose();
        _host.Dispose();
    }

    [Fact]
    public void The_test_signer_matches_Twilios_published_example()
    {
        var fields = new Dictionary<string, string>
        {
            ["CallSid"] = "CA1234567890ABCDE", ["Caller"] = "+12349013030", ["Digits"] = "1234", ["From"] = "+12349013030", ["To"] = "+18005551212",
        };
        Assert.Equal("0/KCTR6DLpKmkAf8muzZqo1nDgQ=", Sign("12345", "https://mycompany.com/myapp.php?foo=1&bar=2", fields));
    }

    [Fact]
    public async Task A_signed_text_gets_a_TwiML_reply_with_the_greeting_and_the_answer_Twilio_simulated()
    {
        using var response = await PostAsync(Text("my cat froze on the porch what now"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/xml", response.Content.Headers.ContentType?.MediaType);
        var messages = Messages(await response.Content.ReadAsStringAsync());
        var text = Assert.Single(messages);
        Assert.StartsWith("Hi! I'm LeashBot", text, StringComparison.Ordinal);
        Assert.Contains("not veterinary advice", text, StringComparison.Ordinal);
        Assert.Contains("Freezing", text, StringComparison.Ordinal);
        Assert.True(SmsText.IsGsm7(text));
        Assert.True(SmsText.Segments(text) <= SmsText.MaxSegments);
    }

    [Fact]
    public async Task The_owner_is_remembered_from_text_to_text_Twilio_simulated()
    {
        await PostAsync(Text("start training"));
        var named = Assert.Single(Messages(await (await PostAsync(Text("Biscuit"))).Content.ReadAsStringAsync()));
        Assert.Contains("Biscuit", named, StringComparison.Ordinal);
        var progress = Assert.Single(Messages(await (await PostAsync(Text("how is my cat doing"))).Content.ReadAsStringAsync()));
        Assert.Contains("Biscuit", progress, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Urgent_advice_comes_first_and_whole_Twilio_simulated()
    {
        var text = Assert.Single(Messages(await (await PostAsync(Text("HELP my cat ate a lily and is throwing up"))).Content.ReadAsStringAsync()));
        Assert.Matches("^That (could be an emergency|needs a vet)", text);
        Assert.Contains("555-0199", text, StringComparison.Ordinal);
        Assert.Contains("Once your cat has been seen", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("wrong")]
    [InlineData("missing")]
    [InlineData("other url")]
    [InlineData("tampered body")]
    public async Task A_badly_signed_or_unsigned_post_gets_403_and_never_reaches_the_bot_Twilio_simulated(string problem)
    {
        var fields = Text("start training");
        using var request = new HttpRequestMessage(HttpMethod.Post, TwilioSmsEndpoint.Path);
        var signed = problem == "tampered body" ? new Dictionary<string, string>(fields) { ["Body"] = "hello" } : fields;
        var signature = problem switch
        {
            "wrong" => Convert.ToBase64String(new byte[20]),
            "other url" => Sign(AuthToken, "https://evil.example" + TwilioSmsEndpoint.Path, fields),
            _ => Sign(AuthToken, PublicBase + TwilioSmsEndpoint.Path, signed),
        };
        if (problem != "missing")
        {
            request.Headers.Add("X-Twilio-Signature", signature);
        }

        request.Content = new FormUrlEncodedContent(fields);
        using var response = await _http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);

        // Nothing was started: the next signed text is the owner's first.
        var first = Assert.Single(Messages(await (await PostAsync(Text("hi"))).Content.ReadAsStringAsync()));
        Assert.StartsWith("Hi! I'm LeashBot", first, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Other_bad_input_gets_a_4xx_with_a_reason_Twilio_simulated()
    {
        var noFrom = new Dictionary<string, string> { ["Body"] = "hi", ["MessageSid"] = "SM" + Guid.NewGuid().ToString("N") };
        using (var response = await PostAsync(noFrom))
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("From", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var json = await _http.PostAsync(TwilioSmsEndpoint.Path, new StringContent("{\"Body\":\"hi\"}", Encoding.UTF8, "application/json")))
        {
            Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.StatusCode);
        }

        using var off = new BotHost();
        using var offClient = off.CreateClient();
        using var disabled = await offClient.PostAsync(TwilioSmsEndpoint.Path, new FormUrlEncodedContent(Text("hi")));
        Assert.Equal(HttpStatusCode.NotFound, disabled.StatusCode);
        Assert.Contains("Sms:Twilio:AuthToken", await disabled.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("multipart/form-data; boundary=b", "--b\r\nContent-Disposition: form-data; name=\"Body\"\r\n\r\nhi", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("multipart/form-data", "--\r\n\r\n", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("text/plain", "Body=hi", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("application/x-www-form-urlencoded", "Body=%zz&From=%&MessageSid=%%%", HttpStatusCode.BadRequest)]
    [InlineData("application/x-www-form-urlencoded", "Body=hi&Body=STOP&From=%2B15557654321&MessageSid=SM00000000000000000000000000000000", HttpStatusCode.BadRequest)]
    [InlineData("application/x-www-form-urlencoded", "Body=hi&From=%2B15557654321&MessageSid=SM1", HttpStatusCode.BadRequest)]
    public async Task Anything_but_one_readable_Twilio_form_is_refused_before_the_signature_check_Twilio_simulated(string contentType, string body, HttpStatusCode expected)
    {
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        using var response = await _http.PostAsync(TwilioSmsEndpoint.Path, content);
        Assert.Equal(expected, response.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace(await response.Content.ReadAsStringAsync()));
        Assert.DoesNotContain(_logs.Entries, e => e.Level >= LogLevel.Error);
    }

    [Theory]
    [InlineData("BodySTOP")]
    [InlineData("Body ")]
    [InlineData("$type")]
    [InlineData("MediaUrl999")]
    public async Task A_signed_form_with_a_parameter_Twilio_never_sends_is_refused_so_a_captured_body_cannot_be_recut_Twilio_simulated(string name)
    {
        // Twilio signs "name+value" pairs joined without a separator: "Body"+"STOP now" signs the same as "BodySTOP"+" now".
        var fields = Text("start training");
        fields[name] = " now";
        using var response = await PostAsync(fields);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("parameter", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_replayed_signed_request_is_answered_once_and_logs_no_second_session_Twilio_simulated()
    {
        await PostAsync(Text("start training"));
        await PostAsync(Text("Biscuit"));
        var logged = Text("we did 5 minutes, he was relaxed");
        var first = Assert.Single(Messages(await (await PostAsync(logged)).Content.ReadAsStringAsync()));
        Assert.Contains("Biscuit", first, StringComparison.Ordinal);

        // The same captured request, byte for byte, twice more (STOP too: a replayed START must not undo a later STOP).
        Assert.Empty(Messages(await (await PostAsync(logged)).Content.ReadAsStringAsync()));
        var stop = Text("STOP");
        var start = Text("START");
        Assert.Single(Messages(await (await PostAsync(start)).Content.ReadAsStringAsync()));
        Assert.Single(Messages(await (await PostAsync(stop)).Content.ReadAsStringAsync()));
        Assert.Empty(Messages(await (await PostAsync(start)).Content.ReadAsStringAsync()));
        Assert.Empty(Messages(await (await PostAsync(Text("how is my cat doing"))).Content.ReadAsStringAsync()));

        // Keywords count against the number's limit too: a minute later the number may text again.
        _host.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Single(Messages(await (await PostAsync(Text("START"))).Content.ReadAsStringAsync()));
        Assert.Empty(Messages(await (await PostAsync(logged)).Content.ReadAsStringAsync()));

        var ownerKey = $"sms/users/{_host.Services.GetRequiredService<PhoneNumbers>().Pseudonym(Number)}";
        var stored = (await ((JsonStorage)_host.Storage).ReadTextAsync(ownerKey))!.Value.Json;
        // One session in the cat's list (the record of the last change keeps a copy of it, which doesn't count).
        Assert.Single(Newtonsoft.Json.Linq.JObject.Parse(stored).SelectTokens("owner.Cats[*].Sessions[*]"));
        Assert.Contains(_logs.Entries, e => e.Message.Contains("replayed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task STOP_silences_the_bot_until_START_and_HELP_answers_as_carriers_expect_Twilio_simulated()
    {
        var help = Assert.Single(Messages(await (await PostAsync(Text("help"))).Content.ReadAsStringAsync()));
        Assert.Contains("Paws & Whiskers Pet Shop", help, StringComparison.Ordinal);
        Assert.Contains("STOP", help, StringComparison.Ordinal);

        var stopped = Assert.Single(Messages(await (await PostAsync(Text("Stop"))).Content.ReadAsStringAsync()));
        Assert.Contains("START", stopped, StringComparison.Ordinal);
        Assert.Empty(Messages(await (await PostAsync(Text("my cat froze what now"))).Content.ReadAsStringAsync()));
        Assert.Empty(Messages(await (await PostAsync(Text("hello?"))).Content.ReadAsStringAsync()));

        var started = Assert.Single(Messages(await (await PostAsync(Text("START"))).Content.ReadAsStringAsync()));
        Assert.Contains("STOP", started, StringComparison.Ordinal);
        Assert.Contains("Freezing", Assert.Single(Messages(await (await PostAsync(Text("my cat froze what now"))).Content.ReadAsStringAsync())), StringComparison.Ordinal);
    }

    [Fact]
    public async Task START_confirms_the_opt_in_once_with_where_the_cat_is_Twilio_simulated()
    {
        await PostAsync(Text("start training"));
        Assert.Contains("Nori", Assert.Single(await RepliesAsync("her name is Nori")), StringComparison.Ordinal);
        Assert.Contains("START", Assert.Single(await RepliesAsync("STOP")), StringComparison.Ordinal);
        Assert.Empty(await RepliesAsync("srry wrong button"));

        var back = Assert.Single(await RepliesAsync("Start"));
        Assert.Contains("Nori (step 1)", back, StringComparison.Ordinal);
        Assert.Contains("STOP", back, StringComparison.Ordinal);
        Assert.True(back.Length <= 160, back);
    }

    [Fact]
    public async Task STOP_is_confirmed_once_and_another_opt_out_word_from_an_opted_out_number_gets_nothing_Twilio_simulated()
    {
        await PostAsync(Text("start training"));
        var confirmed = Assert.Single(await RepliesAsync("stop"));
        Assert.Contains("START", confirmed, StringComparison.Ordinal);
        foreach (var again in new[] { "STOP", "Stop.", "unsubscribe", "STOPALL", "quit", "end", "opt out" })
        {
            Assert.Empty(await RepliesAsync(again));
        }

        // Those went over the number's limit too (six a minute here); a minute later START is answered.
        _host.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Single(await RepliesAsync("Start"));
        Assert.Contains("Biscuit", Assert.Single(await RepliesAsync("Biscuit")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Keywords_count_against_the_number_limit_and_an_opt_out_over_the_limit_still_holds_Twilio_simulated()
    {
        for (var i = 0; i < 6; i++)
        {
            Assert.Single(await RepliesAsync(i % 2 == 0 ? "HELP" : "info"));
        }

        Assert.Empty(await RepliesAsync("help"));
        Assert.Empty(await RepliesAsync("STOP"));

        // The opt-out went unanswered but is kept: a minute later the number still gets nothing until it opts back in.
        _host.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Empty(await RepliesAsync("my cat froze what now"));
        Assert.Contains("STOP", Assert.Single(await RepliesAsync("start")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HELP_fits_one_text_and_only_the_first_text_to_a_number_says_how_to_opt_out_Twilio_simulated()
    {
        var help = Assert.Single(await RepliesAsync("Help!"));
        Assert.True(SmsText.IsGsm7(help) && SmsText.Segments(help) == 1, $"HELP takes {SmsText.Segments(help)} texts: {help}");
        Assert.Contains("STOP", help, StringComparison.Ordinal);

        var first = Assert.Single(await RepliesAsync("what's the best harness for a nervous cat", from: "+15550000002"));
        Assert.Contains("not veterinary advice.\n\nReply STOP to opt out.", first, StringComparison.Ordinal);
        Assert.True(SmsText.Segments(first) <= SmsText.MaxSegments);
        Assert.DoesNotContain("opt out", Assert.Single(await RepliesAsync("thanks", from: "+15550000002")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_SMS_the_bot_offers_never_mind_not_a_carrier_word_and_never_mind_drops_the_question_Twilio_simulated()
    {
        await RepliesAsync("hi there");
        var help = Assert.Single(await RepliesAsync("help me please"));
        Assert.Contains("never mind", help, StringComparison.Ordinal);
        foreach (var reserved in new[] { "cancel", "stop", "quit", "end", "unsubscribe" })
        {
            Assert.DoesNotMatch($"\"{reserved}\"", help.ToLowerInvariant());
        }

        Assert.Contains("name", Assert.Single(await RepliesAsync("start training")), StringComparison.Ordinal);
        Assert.Contains("stopped that", Assert.Single(await RepliesAsync("never mind")), StringComparison.Ordinal);
        Assert.Contains("name", Assert.Single(await RepliesAsync("let's start training")), StringComparison.Ordinal);
        Assert.Contains("stopped that", Assert.Single(await RepliesAsync("nvm")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_number_over_its_limit_gets_no_reply_until_the_minute_is_over_and_others_are_unaffected_Twilio_simulated()
    {
        for (var i = 0; i < 6; i++)
        {
            Assert.NotEmpty(Messages(await (await PostAsync(Text("thanks"))).Content.ReadAsStringAsync()));
        }

        Assert.Empty(Messages(await (await PostAsync(Text("thanks"))).Content.ReadAsStringAsync()));
        Assert.NotEmpty(Messages(await (await PostAsync(Text("thanks", from: "+15550000001"))).Content.ReadAsStringAsync()));

        _host.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.NotEmpty(Messages(await (await PostAsync(Text("thanks"))).Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Phone_numbers_never_appear_in_logs_Twilio_simulated()
    {
        await PostAsync(Text("hi"));
        await PostAsync(Text("STOP"));
        await PostAsync(Text("START"));
        using var request = new HttpRequestMessage(HttpMethod.Post, TwilioSmsEndpoint.Path) { Content = new FormUrlEncodedContent(Text("hi")) };
        await _http.SendAsync(request);
        for (var i = 0; i < 8; i++)
        {
            await PostAsync(Text("thanks"));
        }

        Assert.NotEmpty(_logs.Entries);
        Assert.Contains(_logs.Entries, e => e.Message.Contains("opted out", StringComparison.Ordinal));
        var digits = Number.TrimStart('+');
        Assert.DoesNotContain(_logs.Entries, e => e.Message.Contains(digits, StringComparison.Ordinal) || e.Message.Contains(digits[1..], StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_storage_down_the_owner_is_told_in_a_text_instead_of_Twilio_getting_a_500_Twilio_simulated()
    {
        using var host = new BotHost(new() { ["Sms:Twilio:AuthToken"] = AuthToken, ["Sms:Twilio:PublicBaseUrl"] = PublicBase })
            .WithServices(services => services.Replace(ServiceDescriptor.Singleton<IRecordStore>(new UnreachableStorage())));
        using var http = host.CreateClient();
        foreach (var body in new[] { "my cat froze what now", "STOP" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, TwilioSmsEndpoint.Path);
            var fields = Text(body);
            request.Headers.Add("X-Twilio-Signature", Sign(AuthToken, PublicBase + TwilioSmsEndpoint.Path, fields));
            request.Content = new FormUrlEncodedContent(fields);
            using var response = await http.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("can't save right now", Assert.Single(Messages(await response.Content.ReadAsStringAsync())), StringComparison.Ordinal);
        }
    }

    /// <summary>A store whose every operation fails as an unreachable one does (after its deadline, with the service's error).</summary>
    private sealed class UnreachableStorage : IRecordStore
    {
        public string ProviderName => "test";

        public bool WritesBatchesAtomically => false;

        public Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default) => Fail<IDictionary<string, object>>();

        public Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default) => Fail<bool>();

        public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default) => Fail<bool>();

        public Task<(string Json, string ETag)?> ReadTextAsync(string key, CancellationToken cancellationToken = default) => Fail<(string, string)?>();

        public Task<string> WriteTextAsync(string key, string json, string? ifMatch, CancellationToken cancellationToken = default) => Fail<string>();

        public Task<IReadOnlyList<string>> WriteTextsAsync(IReadOnlyList<(string Key, string Json, string? IfMatch)> records, CancellationToken cancellationToken = default) => Fail<IReadOnlyList<string>>();

        public Task<long?> StoredBytesAsync(string key, CancellationToken cancellationToken = default) => Fail<long?>();

        public Task ForgetAsync(string[] keys, CancellationToken cancellationToken = default) => Fail<bool>();

        public Task<int> DeleteIdleAsync(string kind, DateTimeOffset cutoff, CancellationToken cancellationToken = default) => Fail<int>();

        private static Task<T> Fail<T>() => Task.FromException<T>(new StorageUnavailableException("test store"));
    }

    private static Dictionary<string, string> Text(string body, string from = Number) => new()
    {
        ["MessageSid"] = "SM" + Guid.NewGuid().ToString("N"),
        ["AccountSid"] = "AC" + new string('1', 32),
        ["From"] = from,
        ["To"] = "+15550100100",
        ["Body"] = body,
        ["NumMedia"] = "0",
    };

    private async Task<HttpResponseMessage> PostAsync(Dictionary<string, string> fields)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, TwilioSmsEndpoint.Path);
        request.Headers.Add("X-Twilio-Signature", Sign(AuthToken, PublicBase + TwilioSmsEndpoint.Path, fields));
        request.Content = new FormUrlEncodedContent(fields);
        return await _http.SendAsync(request);
    }

    private async Task<List<string>> RepliesAsync(string body, string from = Number)
    {
        using var response = await PostAsync(Text(body, from));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Messages(await response.Content.ReadAsStringAsync());
    }

    private static List<string> Messages(string twiml) =>
        XDocument.Parse(twiml).Root!.Elements("Message").Select(m => m.Value).ToList();

    /// <summary>Twilio's scheme, written out here rather than borrowed from the SDK the host uses.</summary>
    internal static string Sign(string token, string url, IReadOnlyDictionary<string, string> fields)
    {
        var data = new StringBuilder(url);
        foreach (var (name, value) in fields.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            data.Append(name).Append(value);
        }

        // SHA-1 is Twilio's choice, not ours.
#pragma warning disable CA5350
        return Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(token), Encoding.UTF8.GetBytes(data.ToString())));
#pragma warning restore CA5350
    }
}
