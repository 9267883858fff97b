using System.IdentityModel.Tokens.Jwt;
using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using LeashBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace LeashBot.Tests.Hosting;

/// <summary>
/// With an app id, Bot Framework checks each request's JWT against the channel's OpenID metadata. Azure's
/// login.botframework.com is stood in for by Bot Framework's own settings (ToBotFromChannelOpenIdMetadataUrl,
/// ToBotFromChannelTokenIssuer) pointing at a loopback port nobody listens on, so any attempt to fetch keys fails.
/// Junk (garbage, a wrong scheme, an unsigned alg=none token, a token without a key id) is 401 without fetching
/// anything; a properly shaped token that can't be checked because the keys can't be fetched is 503, never 500.
/// Signature, key-id, expiry and audience checks against real keys run in the reliability suite, where the host is a
/// process that can be told to trust a local HTTPS metadata server. No answer or log line above Debug has a stack trace.
/// </summary>
public sealed class BotFrameworkTokenTests
{
    private const string AppId = "00000000-0000-0000-0000-0000000000aa";
    private const string Issuer = "https://api.simulated-botframework.test";
    private const string ServiceUrl = "https://smba.simulated.test/emea/";

    [Theory]
    [InlineData("garbage")]
    [InlineData("Bearer garbage")]
    [InlineData("Bearer a.b.c")]
    [InlineData("Bearer ")]
    [InlineData("Bearer a..c")]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer eyJhbGciOiJub25lIn0.eyJ4Ijp7fX0.")]
    public async Task Malformed_authorization_is_401_without_fetching_keys_simulated(string header)
    {
        var (host, logs) = Host();
        using (host)
        {
            var (status, body) = await PostAsync(host, header);
            Assert.Equal(HttpStatusCode.Unauthorized, status);
            AssertNoStackTraces(body, logs);
        }
    }

    [Theory]
    [InlineData("{\"alg\":\"none\",\"typ\":\"JWT\",\"kid\":\"key-1\"}", "x")]
    [InlineData("{\"alg\":\"none\",\"typ\":\"JWT\"}", "")]
    [InlineData("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"key-1\"}", "c2lnbmF0dXJl")]
    [InlineData("{\"alg\":\"RS256\",\"typ\":\"JWT\"}", "c2lnbmF0dXJl")]
    public async Task Unsigned_or_wrongly_signed_tokens_are_401_simulated(string header, string signature)
    {
        var payload = new JObject
        {
            ["iss"] = Issuer,
            ["aud"] = AppId,
            ["serviceurl"] = ServiceUrl,
            ["nbf"] = DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeSeconds(),
            ["exp"] = DateTimeOffset.UtcNow.AddMinutes(30).ToUnixTimeSeconds(),
        }.ToString(Formatting.None);
        var (host, logs) = Host();
        using (host)
        {
            var (status, body) = await PostAsync(host, $"Bearer {Base64Url(header)}.{Base64Url(payload)}.{signature}");
            Assert.Equal(HttpStatusCode.Unauthorized, status);
            AssertNoStackTraces(body, logs);
        }
    }

    [Fact]
    public async Task Unreachable_metadata_is_503_not_500_simulated()
    {
        var (host, logs) = Host();
        using (host)
        {
            using var key = RSA.Create(2048);
            var credentials = new SigningCredentials(new RsaSecurityKey(key) { KeyId = "key-1" }, SecurityAlgorithms.RsaSha256);
            var token = new JwtSecurityToken(Issuer, AppId, [new Claim("serviceurl", ServiceUrl)], DateTime.UtcNow.AddMinutes(-5), DateTime.UtcNow.AddMinutes(30), credentials);
            var (status, body) = await PostAsync(host, "Bearer " + new JwtSecurityTokenHandler().WriteToken(token));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
            Assert.Contains("try again", body, StringComparison.Ordinal);
            AssertNoStackTraces(body, logs);
        }
    }

    private static (BotHost Host, LogCapture Logs) Host()
    {
        var logs = new LogCapture();
        const string unreachable = "https://127.0.0.1:1/v1/.well-known/openidconfiguration";
        var host = new BotHost(new()
        {
            ["MicrosoftAppType"] = "MultiTenant",
            ["MicrosoftAppId"] = AppId,
            ["MicrosoftAppPassword"] = "simulated-password",
            ["ToBotFromChannelOpenIdMetadataUrl"] = unreachable,
            ["ToBotFromEmulatorOpenIdMetadataUrl"] = unreachable,
            ["ToBotFromChannelTokenIssuer"] = Issuer,
            ["ToChannelFromBotLoginUrl"] = "https://127.0.0.1:1/simulated-login",
            ["ToChannelFromBotOAuthScope"] = "https://api.botframework.com",
        }).WithServices(services => services.AddSingleton<ILoggerProvider>(logs));
        return (host, logs);
    }

    private static async Task<(HttpStatusCode Status, string Body)> PostAsync(BotHost host, string authorization)
    {
        var owner = host.NewOwner(channelId: "msteams");
        var activity = owner.Activity("message", "my cat froze, what now?");
        activity["serviceUrl"] = ServiceUrl;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(activity.ToString(Formatting.None), Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        using var client = host.CreateClient();
        using var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static void AssertNoStackTraces(string body, LogCapture logs)
    {
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        Assert.DoesNotContain(logs.Entries, e => e.Level >= LogLevel.Information && e.Message.Contains("   at ", StringComparison.Ordinal));
    }

    private static string Base64Url(string text) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(text));
}
