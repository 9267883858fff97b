using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Azure.Core;
using Azure.Core.Pipeline;
using LeashBot.Storage;
using Newtonsoft.Json.Linq;

namespace LeashBot.Tests.Storage;

/// <summary>
/// Azurite over HTTPS (a certificate made for the test) checking OAuth tokens the way Azure Storage does for a
/// managed identity: audience, issuer and lifetime (Azurite does not check the signature, which only Entra ID could make).
/// </summary>
public sealed class OAuthAzuriteFixture : AzuriteFixture
{
    public X509Certificate2 Certificate { get; } = MakeCertificate();

    public Uri AccountUrl => new($"https://127.0.0.1:{Port}/devstoreaccount1/");

    /// <summary>Blob client settings that trust this fixture's certificate and no other self-signed one.</summary>
    public Azure.Storage.Blobs.BlobClientOptions TrustingOptions()
    {
        var options = BlobStorage.ClientOptions();
        options.Transport = new HttpClientTransport(TrustingHandler());
        return options;
    }

    protected override string Scheme => "https";

    protected override HttpMessageHandler TrustingHandler() => new HttpClientHandler
    {
        ServerCertificateCustomValidationCallback = (_, certificate, _, errors) =>
            errors == SslPolicyErrors.None || certificate?.Thumbprint == Certificate.Thumbprint,
    };

    protected override IEnumerable<string> ExtraArguments(string location)
    {
        var cert = Path.Combine(location, "azurite-cert.pem");
        var key = Path.Combine(location, "azurite-key.pem");
        File.WriteAllText(cert, Certificate.ExportCertificatePem());
        File.WriteAllText(key, Certificate.GetRSAPrivateKey()!.ExportPkcs8PrivateKeyPem());
        return ["--cert", cert, "--key", key, "--oauth", "basic"];
    }

    private static X509Certificate2 MakeCertificate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
    }
}

/// <summary>
/// A stand-in for the managed identity (Azure's token endpoint is not reachable here): hands out unsigned tokens
/// shaped like Entra ID's for Azure Storage, and records the scopes it was asked for.
/// </summary>
internal sealed class StandInManagedIdentity(string audience = "https://storage.azure.com") : TokenCredential
{
    public List<string> Scopes { get; } = [];

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        lock (Scopes)
        {
            Scopes.AddRange(requestContext.Scopes);
        }

        var now = DateTimeOffset.UtcNow;
        static string Part(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var payload = $$"""{"aud":"{{audience}}","iss":"https://sts.windows.net/00000000-0000-0000-0000-0000000000aa/","iat":{{now.AddMinutes(-1).ToUnixTimeSeconds()}},"nbf":{{now.AddMinutes(-1).ToUnixTimeSeconds()}},"exp":{{now.AddHours(1).ToUnixTimeSeconds()}},"oid":"leashbot-identity"}""";
        return new AccessToken($"{Part("""{"alg":"RS256","typ":"JWT"}""")}.{Part(payload)}.c2lnbmF0dXJl", now.AddHours(1));
    }

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        new(GetToken(requestContext, cancellationToken));
}

public sealed class ManagedIdentityBlobTests(OAuthAzuriteFixture azurite) : IClassFixture<OAuthAzuriteFixture>
{
    [SkippableFact]
    public async Task State_round_trips_with_a_token_for_Azure_Storage_and_no_account_key()
    {
        var identity = new StandInManagedIdentity();
        using var store = new BlobStorage(azurite.AccountUrl, "mi-state", identity, options: azurite.TrustingOptions());

        await store.WriteAsync(new Dictionary<string, object> { ["test/users/owner"] = new JObject { ["cat"] = "Miso", ["step"] = 4 } });
        var read = (JObject)(await store.ReadAsync(["test/users/owner"]))["test/users/owner"];
        Assert.Equal("Miso", (string?)read["cat"]);

        // Conditional writes still hold: a stale eTag is refused.
        var stale = (JObject)read.DeepClone();
        read["step"] = 5;
        await store.WriteAsync(new Dictionary<string, object> { ["test/users/owner"] = read });
        stale["step"] = 9;
        await Assert.ThrowsAsync<StorageConflictException>(() => store.WriteAsync(new Dictionary<string, object> { ["test/users/owner"] = stale }));

        Assert.Contains("https://storage.azure.com/.default", identity.Scopes);
    }

    [SkippableFact]
    public async Task A_token_for_another_service_is_refused_and_reported_as_storage_unavailable()
    {
        var health = new StorageHealth(TimeProvider.System);
        using var store = new BlobStorage(azurite.AccountUrl, "mi-wrong-audience", new StandInManagedIdentity("https://vault.azure.net"), health, azurite.TrustingOptions());

        await Assert.ThrowsAsync<StorageUnavailableException>(() => store.ReadAsync(["test/users/owner"]));
        Assert.False(health.IsHealthy);
        Assert.Contains("403", health.Problem, StringComparison.Ordinal);
    }
}
