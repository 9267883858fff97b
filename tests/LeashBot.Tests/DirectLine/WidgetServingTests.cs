using System.Net;
using System.Net.Http.Headers;
using LeashBot.Tests.Support;

namespace LeashBot.Tests.DirectLine;

/// <summary>
/// How the widget reaches browsers, over real HTTP on Kestrel: Web Chat's bundle precompressed, and a stream URL whose
/// scheme follows the scheme a trusted proxy says the page used.
/// </summary>
public sealed class WidgetServingTests
{
    private const string Bundle = "/lib/webchat/webchat.js";

    [Theory]
    [InlineData("br", 800_000)]
    [InlineData("gzip", 1_100_000)]
    public async Task Web_Chat_bundle_is_served_precompressed_to_clients_that_accept_it(string encoding, int atMostBytes)
    {
        using var server = BotHost.OnKestrel();
        using var handler = new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None };
        using var http = new HttpClient(handler) { BaseAddress = server.BaseAddress };

        using var plainRequest = new HttpRequestMessage(HttpMethod.Get, Bundle);
        using var plain = await http.SendAsync(plainRequest);
        var plainBytes = (await plain.Content.ReadAsByteArrayAsync()).Length;
        Assert.Empty(plain.Content.Headers.ContentEncoding);
        Assert.True(plainBytes > 3_000_000, $"The plain bundle is {plainBytes} bytes.");

        using var request = new HttpRequestMessage(HttpMethod.Get, Bundle);
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(encoding, Assert.Single(response.Content.Headers.ContentEncoding));
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
        var bytes = (await response.Content.ReadAsByteArrayAsync()).Length;
        Assert.True(bytes <= atMostBytes, $"The {encoding} bundle is {bytes} bytes.");
        Assert.Equal(TimeSpan.FromDays(1), response.Headers.CacheControl!.MaxAge);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Behind_a_trusted_TLS_proxy_the_stream_url_is_wss_and_from_anyone_else_the_header_is_ignored()
    {
        using var behindProxy = BotHost.OnKestrel(new() { ["ForwardedHeaders:KnownProxies:0"] = "127.0.0.1" });
        Assert.StartsWith("wss://", await StreamUrlAsync(behindProxy, "https"), StringComparison.Ordinal);
        Assert.StartsWith("ws://", await StreamUrlAsync(behindProxy, null), StringComparison.Ordinal);

        // As the Azure template sets it for App Service, whose front ends are the only way in.
        using var appService = BotHost.OnKestrel(new() { ["ForwardedHeaders:KnownNetworks:0"] = "0.0.0.0/0", ["ForwardedHeaders:KnownNetworks:1"] = "::/0" });
        Assert.StartsWith("wss://", await StreamUrlAsync(appService, "https"), StringComparison.Ordinal);

        using var noProxy = BotHost.OnKestrel();
        Assert.StartsWith("ws://", await StreamUrlAsync(noProxy, "https"), StringComparison.Ordinal);
    }

    private static async Task<string> StreamUrlAsync(BotHost host, string? forwardedProto)
    {
        var grant = await host.GetTokenAsync();
        using var request = DirectLineClient.Request(HttpMethod.Post, "/v3/directline/conversations", grant["token"]!.GetValue<string>());
        if (forwardedProto is not null)
        {
            request.Headers.Add("X-Forwarded-Proto", forwardedProto);
            request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        }

        using var response = await host.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await DirectLineClient.ReadJsonAsync(response))!["streamUrl"]!.GetValue<string>();
    }
}
