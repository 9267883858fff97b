using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LeashBot.Channels.DirectLine;

/// <summary>What a token grants: one conversation, one user, until it expires.</summary>
public sealed record DirectLineGrant(string ConversationId, string UserId, TokenKind Kind, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt);

public enum TokenKind
{
    /// <summary>A client's bearer token for the REST routes.</summary>
    Conversation,

    /// <summary>The short-lived credential inside a streamUrl, good only for opening the WebSocket.</summary>
    Stream,
}

/// <summary>Why a token was refused; each maps to a status code and a reason the client can show.</summary>
public enum TokenFailure
{
    None,
    Missing,
    Malformed,
    BadSignature,
    Expired,
    WrongKind,
    WrongConversation,
}

/// <summary>
/// Issues and checks Direct Line tokens. A token is a compact JWT (HS256): header, claims (conversation,
/// user, kind, issued, expires, a random nonce) and an HMAC-SHA256 signature over both with the configured
/// key, or with a random key made at start-up when none is configured. Time comes from <see cref="TimeProvider"/>.
/// </summary>
public sealed class DirectLineTokens
{
    private static readonly string Header = Base64Url("{\"alg\":\"HS256\",\"typ\":\"JWT\"}"u8.ToArray());
    private readonly byte[] _key;
    private readonly TimeProvider _time;
    private readonly DirectLineOptions _options;

    public DirectLineTokens(IOptions<DirectLineOptions> options, TimeProvider time, ILogger<DirectLineTokens> logger)
    {
        _options = options.Value;
        _time = time;
        if (string.IsNullOrEmpty(_options.TokenSigningKey))
        {
            _key = RandomNumberGenerator.GetBytes(32);
            logger.LogWarning("DirectLine:TokenSigningKey is not set: using a random key, so Direct Line tokens will not survive a restart.");
        }
        else
        {
            _key = Convert.FromBase64String(_options.TokenSigningKey);
        }
    }

    public TimeSpan TokenLifetime => TimeSpan.FromSeconds(_options.TokenLifetimeSeconds);

    public string Issue(string conversationId, string userId, TokenKind kind = TokenKind.Conversation)
    {
        var now = _time.GetUtcNow();
        var lifetime = kind == TokenKind.Stream ? TimeSpan.FromSeconds(_options.StreamUrlLifetimeSeconds) : TokenLifetime;
        var claims = new TokenClaims
        {
            Conversation = conversationId,
            User = userId,
            Kind = kind == TokenKind.Stream ? "stream" : "dl",
            IssuedAt = now.ToUnixTimeSeconds(),
            ExpiresAt = (now + lifetime).ToUnixTimeSeconds(),
            Nonce = Base64Url(RandomNumberGenerator.GetBytes(9)),
        };
        var payload = Base64Url(JsonSerializer.SerializeToUtf8Bytes(claims, TokenJson.Default.TokenClaims));
        var signed = Header + "." + payload;
        return signed + "." + Base64Url(Sign(signed));
    }

    /// <summary>Checks signature, expiry and kind; the conversation is checked by the caller with <see cref="Check"/>.</summary>
    public TokenFailure TryRead(string? token, TokenKind expectedKind, out DirectLineGrant? grant)
    {
        grant = null;
        if (string.IsNullOrEmpty(token))
        {
            return TokenFailure.Missing;
        }

        var parts = token.Split('.');
        if (parts.Length != 3 || parts[0] != Header || token.Length > 2048)
        {
            return TokenFailure.Malformed;
        }

        var expected = Sign(parts[0] + "." + parts[1]);
        var actual = FromBase64Url(parts[2]);
        if (actual is null || !CryptographicOperations.FixedTimeEquals(expected, actual))
        {
            return TokenFailure.BadSignature;
        }

        TokenClaims? claims;
        try
        {
            var json = FromBase64Url(parts[1]);
            claims = json is null ? null : JsonSerializer.Deserialize(json, TokenJson.Default.TokenClaims);
        }
        catch (JsonException)
        {
            claims = null;
        }

        if (claims is null || string.IsNullOrEmpty(claims.Conversation) || string.IsNullOrEmpty(claims.User))
        {
            return TokenFailure.Malformed;
        }

        var kind = claims.Kind == "stream" ? TokenKind.Stream : TokenKind.Conversation;
        if (kind != expectedKind)
        {
            return TokenFailure.WrongKind;
        }

        var expires = DateTimeOffset.FromUnixTimeSeconds(claims.ExpiresAt);
        if (_time.GetUtcNow() >= expires)
        {
            return TokenFailure.Expired;
        }

        grant = new DirectLineGrant(claims.Conversation, claims.User, kind, DateTimeOffset.FromUnixTimeSeconds(claims.IssuedAt), expires);
        return TokenFailure.None;
    }

    /// <summary>Reads a token and insists it belongs to <paramref name="conversationId"/>.</summary>
    public TokenFailure Check(string? token, string conversationId, TokenKind kind, out DirectLineGrant? grant)
    {
        var failure = TryRead(token, kind, out grant);
        if (failure == TokenFailure.None && !string.Equals(grant!.ConversationId, conversationId, StringComparison.Ordinal))
        {
            grant = null;
            return TokenFailure.WrongConversation;
        }

        return failure;
    }

    public int SecondsLeft(DirectLineGrant grant) => (int)Math.Max(0, (grant.ExpiresAt - _time.GetUtcNow()).TotalSeconds);

    private byte[] Sign(string text) => HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(text));

    internal static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[]? FromBase64Url(string text)
    {
        var s = text.Replace('-', '+').Replace('_', '/');
        s = s.PadRight(s.Length + ((4 - (s.Length % 4)) % 4), '=');
        try
        {
            return Convert.FromBase64String(s);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    internal sealed class TokenClaims
    {
        [JsonPropertyName("conv")]
        public string Conversation { get; set; } = "";

        [JsonPropertyName("user")]
        public string User { get; set; } = "";

        [JsonPropertyName("kind")]
        public string Kind { get; set; } = "";

        [JsonPropertyName("iat")]
        public long IssuedAt { get; set; }

        [JsonPropertyName("exp")]
        public long ExpiresAt { get; set; }

        [JsonPropertyName("nonce")]
        public string Nonce { get; set; } = "";
    }
}

[JsonSerializable(typeof(DirectLineTokens.TokenClaims))]
internal sealed partial class TokenJson : JsonSerializerContext;
