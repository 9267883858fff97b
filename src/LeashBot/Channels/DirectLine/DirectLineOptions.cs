using System.ComponentModel.DataAnnotations;

namespace LeashBot.Channels.DirectLine;

/// <summary>Settings of LeashBot's own Direct Line 3.0 endpoint (section <c>DirectLine</c>).</summary>
public sealed class DirectLineOptions : IValidatableObject
{
    public const string Section = "DirectLine";

    /// <summary>
    /// The site owner's secret for <c>POST /v3/directline/tokens/generate</c> and <c>POST conversations</c>
    /// from a server. Empty disables both secret uses (they answer 403 with a reason).
    /// </summary>
    public string? Secret { get; set; }

    /// <summary>
    /// Base64 key (at least 32 bytes) that signs tokens with HMAC-SHA256. Empty: a random key is made at
    /// start-up, so tokens do not survive a restart and several instances cannot share tokens.
    /// </summary>
    public string? TokenSigningKey { get; set; }

    [Range(60, 86_400)]
    public int TokenLifetimeSeconds { get; set; } = 1800;

    /// <summary>How long the credential inside a <c>streamUrl</c> may be used to open the WebSocket.</summary>
    [Range(10, 3600)]
    public int StreamUrlLifetimeSeconds { get; set; } = 120;

    /// <summary>Activities kept per conversation; the oldest are dropped beyond this.</summary>
    [Range(10, 100_000)]
    public int MaxActivitiesPerConversation { get; set; } = 500;

    /// <summary>
    /// Bytes of transcript kept per conversation (the activities' JSON); the oldest activities are dropped beyond this,
    /// so one poll never returns more.
    /// </summary>
    [Range(16_384, 64 * 1024 * 1024)]
    public int MaxTranscriptBytesPerConversation { get; set; } = 262_144;

    /// <summary>Bytes of transcript kept across all conversations; beyond it, the least recently used conversations lose their oldest activities first.</summary>
    [Range(1_048_576, 16L * 1024 * 1024 * 1024)]
    public long MaxTranscriptBytes { get; set; } = 128L * 1024 * 1024;

    /// <summary>Activities one conversation may post per minute; more answer 429 with Retry-After.</summary>
    [Range(1, 10_000)]
    public int MaxPostsPerMinute { get; set; } = 60;

    /// <summary>
    /// Conversations kept in memory at once. When a new one would exceed it, the least recently used conversation
    /// without an open stream is forgotten to make room; only if every one has a stream open does starting answer 503.
    /// </summary>
    [Range(1, 1_000_000)]
    public int MaxConversations { get; set; } = 10_000;

    /// <summary>A conversation with no traffic for this long is forgotten (polling it then answers 404).</summary>
    [Range(1, 10_080)]
    public int ConversationIdleMinutes { get; set; } = 60;

    /// <summary>Polls of one conversation allowed per minute; more answer 429 with Retry-After.</summary>
    [Range(1, 10_000)]
    public int MaxPollsPerMinute { get; set; } = 240;

    /// <summary>WebSocket streams one conversation may have open at once (one, plus one for a reconnect that overlaps a dying socket).</summary>
    [Range(1, 16)]
    public int MaxStreamsPerConversation { get; set; } = 2;

    /// <summary>WebSocket streams one client (an IPv4 address, or an IPv6 /64) may have open at once, over all its conversations.</summary>
    [Range(1, 100_000)]
    public int MaxStreamsPerClient { get; set; } = 50;

    /// <summary>Largest activity a client may post, in bytes.</summary>
    [Range(1024, 1_048_576)]
    public int MaxActivityBytes { get; set; } = 32_768;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrEmpty(TokenSigningKey))
        {
            byte[]? key = null;
            try
            {
                key = Convert.FromBase64String(TokenSigningKey);
            }
            catch (FormatException)
            {
            }

            if (key is null || key.Length < 32)
            {
                yield return new ValidationResult(
                    "DirectLine:TokenSigningKey must be Base64 of at least 32 random bytes (e.g. `openssl rand -base64 32`), or empty for a per-start key.",
                    [nameof(TokenSigningKey)]);
            }
        }

        if (!string.IsNullOrEmpty(Secret) && Secret.Length < 16)
        {
            yield return new ValidationResult("DirectLine:Secret must be at least 16 characters, or empty to disable it.", [nameof(Secret)]);
        }
    }
}
