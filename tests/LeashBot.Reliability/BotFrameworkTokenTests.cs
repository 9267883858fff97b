using System.Diagnostics;
using System.IdentityModel.Tokens.Jwt;
using System.Net;
using System.Net.Sockets;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;

namespace LeashBot.Reliability;

/// <summary>
/// Bot Framework's token checks against real signing keys. Azure's login.botframework.com is simulated by a small HTTPS
/// server on loopback serving an OpenID configuration and a key set; the host process trusts its throw-away certificate
/// through SSL_CERT_FILE (Bot Framework fetches the keys with its own HttpClient, so nothing in-process could) and finds
/// it through Bot Framework's own settings ToBotFromChannelOpenIdMetadataUrl and ToBotFromChannelTokenIssuer. A token
/// signed by the served key is accepted; one signed by another key under the same key id, one naming an unknown key,
/// an expired one, one for another bot and one for another serviceUrl are 401.
/// </summary>
public sealed class BotFrameworkTokenTests : IAsyncLifetime, IDisposable
{
    private const string AppId = "00000000-0000-0000-0000-0000000000aa";
    private const string Issuer = "https://api.simulated-botframework.test";
    private const string ServiceUrl = "https://smba.simulated.test/emea/";
    private readonly RSA _channelKey = RSA.Create(2048);
    private readonly RSA _otherKey = RSA.Create(2048);
    private readonly string _folder = Directory.CreateTempSubdirectory("leashbot-keys-").FullName;
    private TcpListener? _listener;
    private X509Certificate2? _certificate;
    private CancellationTokenSource? _stop;
    private HostProcess? _host;

    public async Task InitializeAsync()
    {
        using var tlsKey = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", tlsKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        using var selfSigned = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        _certificate = X509CertificateLoader.LoadPkcs12(selfSigned.Export(X509ContentType.Pfx), null);
        var bundle = Path.Combine(_folder, "trusted.pem");
        await File.WriteAllTextAsync(bundle, _certificate.ExportCertificatePem());

        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        _stop = new CancellationTokenSource();
        var port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _ = ServeAsync(port);

        var metadata = $"https://127.0.0.1:{port}/v1/.well-known/openidconfiguration";
        _host = await HostProcess.StartAsync(
            new Dictionary<string, string>
            {
                ["MicrosoftAppType"] = "MultiTenant",
                ["MicrosoftAppId"] = AppId,
                ["MicrosoftAppPassword"] = "simulated-password",
                ["ToBotFromChannelOpenIdMetadataUrl"] = metadata,
                ["ToBotFromEmulatorOpenIdMetadataUrl"] = metadata,
                ["ToBotFromChannelTokenIssuer"] = Issuer,
                ["ToChannelFromBotLoginUrl"] = $"https://127.0.0.1:{port}/simulated-login",
                ["ToChannelFromBotOAuthScope"] = "https://api.botframework.com",
                ["OAuthUrl"] = $"https://127.0.0.1:{port}/simulated-oauth",
            },
            new Dictionary<string, string> { ["SSL_CERT_FILE"] = bundle, ["SSL_CERT_DIR"] = _folder });
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        _stop?.Cancel();
        _listener?.Stop();
        _certificate?.Dispose();
        _channelKey.Dispose();
        _otherKey.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    public void Dispose()
    {
        _listener?.Dispose();
        _stop?.Dispose();
    }

    [Fact]
    public async Task A_token_signed_by_the_channels_key_is_accepted_simulated()
    {
        var (status, body) = await PostAsync(Token(_channelKey, "key-1"));
        Assert.True(status == HttpStatusCode.OK, $"{(int)status}: {body}\n{string.Join("\n", _host!.Output.Where(l => !l.TrimStart().StartsWith("at ", StringComparison.Ordinal)).TakeLast(30))}");
        Assert.Contains("activities", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tokens_that_fail_a_check_are_401_never_500_simulated()
    {
        string[] tokens =
        [
            Token(_otherKey, "key-1"), // wrong key under the channel's key id
            Token(_otherKey, "key-unknown"), // a key the channel never published
            Token(_channelKey, "key-1", expires: DateTime.UtcNow.AddHours(-1)),
            Token(_channelKey, "key-1", audience: "11111111-1111-1111-1111-111111111111"),
            Token(_channelKey, "key-1", serviceUrl: "https://attacker.example/"),
        ];
        foreach (var token in tokens)
        {
            var (status, body) = await PostAsync(token);
            Assert.Equal(HttpStatusCode.Unauthorized, status);
            Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        }

        Assert.Empty(_host!.StackTraceLines());
    }

    private static string Token(RSA key, string keyId, DateTime? expires = null, string audience = AppId, string serviceUrl = ServiceUrl)
    {
        var credentials = new SigningCredentials(new RsaSecurityKey(key) { KeyId = keyId }, SecurityAlgorithms.RsaSha256);
        var end = expires ?? DateTime.UtcNow.AddMinutes(30);
        var token = new JwtSecurityToken(Issuer, audience, [new Claim("serviceurl", serviceUrl)], end.AddHours(-2), end, credentials);
        return new JwtSecurityTokenHandler().WriteToken(token);
    }

    private async Task<(HttpStatusCode Status, string Body)> PostAsync(string token)
    {
        using var http = new HttpClient { BaseAddress = _host!.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["text"] = "my cat froze, what now?",
            ["channelId"] = "msteams",
            ["serviceUrl"] = ServiceUrl,
            ["deliveryMode"] = "expectReplies",
            ["conversation"] = new JsonObject { ["id"] = "token-test" },
            ["from"] = new JsonObject { ["id"] = "owner-1" },
            ["recipient"] = new JsonObject { ["id"] = AppId },
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
        using var response = await http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The simulated login.botframework.com: an OpenID configuration and its key set, over TLS.</summary>
    private async Task ServeAsync(int port)
    {
        var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(_channelKey.ExportParameters(false)) { KeyId = "key-1" });
        var configuration = new JsonObject
        {
            ["issuer"] = Issuer,
            ["jwks_uri"] = $"https://127.0.0.1:{port}/v1/keys",
            ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
        }.ToJsonString();
        var keys = new JsonObject
        {
            ["keys"] = new JsonArray(new JsonObject { ["kty"] = "RSA", ["use"] = "sig", ["kid"] = jwk.Kid, ["n"] = jwk.N, ["e"] = jwk.E, ["endorsements"] = new JsonArray("msteams") }),
        }.ToJsonString();
        while (!_stop!.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener!.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(async () =>
            {
                using (client)
                {
                    try
                    {
                        await using var tls = new System.Net.Security.SslStream(client.GetStream());
                        await tls.AuthenticateAsServerAsync(_certificate!);
                        using var reader = new StreamReader(tls, Encoding.ASCII, leaveOpen: true);
                        var requestLine = await reader.ReadLineAsync() ?? "";
                        while (!string.IsNullOrEmpty(await reader.ReadLineAsync()))
                        {
                        }

                        var json = requestLine.Contains("/v1/keys", StringComparison.Ordinal) ? keys : configuration;
                        var bytes = Encoding.UTF8.GetBytes(json);
                        var head = Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {bytes.Length}\r\nConnection: close\r\n\r\n");
                        await tls.WriteAsync(head);
                        await tls.WriteAsync(bytes);
                    }
                    catch (Exception ex) when (ex is IOException or System.Security.Authentication.AuthenticationException or SocketException)
                    {
                    }
                }
            });
        }
    }
}
