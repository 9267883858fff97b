using System.ComponentModel.DataAnnotations;

namespace LeashBot.Hosting;

/// <summary>Limits on what <c>POST /api/messages</c> accepts, and on the replies it posts back (section <c>Messages</c>).</summary>
public sealed class MessagesOptions
{
    public const string Section = "Messages";

    /// <summary>Largest request body, in bytes; larger answers 413. Bot Framework's own channels stay well below 256 KB.</summary>
    [Range(4096, 4 * 1024 * 1024)]
    public int MaxActivityBytes { get; set; } = 262_144;

    /// <summary>Longest conversation or user id. Ids become storage keys, so an unbounded id is unbounded disk.</summary>
    [Range(16, 4096)]
    public int MaxIdLength { get; set; } = 256;

    /// <summary>How long one reply posted to a channel's <c>serviceUrl</c> may take before the turn gives up on it.</summary>
    [Range(1, 120)]
    public int ReplyTimeoutSeconds { get; set; } = 10;
}
