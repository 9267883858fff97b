namespace LeashBot.Channels.DirectLine;

/// <summary>The normalized WebChat:AllowedOrigins, for CORS and the origin check.</summary>
public sealed class AllowedOrigins(IOptions<WebChatOptions> options)
{
    private readonly HashSet<string> _origins = new(
        (options.Value.AllowedOrigins ?? []).Select(WebChatOptions.NormalizeOrigin).OfType<string>(),
        StringComparer.OrdinalIgnoreCase);

    public bool Contains(string origin) => WebChatOptions.NormalizeOrigin(origin) is { } o && _origins.Contains(o);
}
