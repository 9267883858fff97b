using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace LeashBot.Channels.DirectLine;

/// <summary>
/// The Direct Line conversations held in memory, bounded in number and in bytes:
/// <list type="bullet">
/// <item>at most <see cref="DirectLineOptions.MaxConversations"/> at once: a new one makes room by forgetting the least
/// recently used conversation, one without an open stream first; forgetting a conversation closes its streams, so open
/// sockets can't keep new visitors out;</item>
/// <item>a conversation idle for <see cref="DirectLineOptions.ConversationIdleMinutes"/> (nothing posted, polled or sent
/// to it; an open but silent socket is not use) is forgotten and its streams closed (lookups treat it as gone at once;
/// the sweeper frees its memory);</item>
/// <item>each transcript keeps <see cref="DirectLineOptions.MaxTranscriptBytesPerConversation"/>, and all of them together
/// <see cref="DirectLineOptions.MaxTranscriptBytes"/>: beyond that, the least recently used conversations lose their oldest
/// activities first.</item>
/// </list>
/// Nothing survives a restart: the bot's own state lives in its storage, not here.
/// </summary>
public sealed class ConversationStore(IOptions<DirectLineOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, DirectLineConversation> _conversations = new(StringComparer.Ordinal);
    private readonly DirectLineOptions _options = options.Value;
    private readonly object _createGate = new();
    private readonly TranscriptBudget _budget = new();

    public int Count => _conversations.Count;

    /// <summary>Transcript bytes held by all conversations.</summary>
    public long TranscriptBytes => _budget.Bytes;

    public static string NewConversationId() => DirectLineTokens.Base64Url(RandomNumberGenerator.GetBytes(16));

    public static string NewUserId() => "dl-user-" + DirectLineTokens.Base64Url(RandomNumberGenerator.GetBytes(12));

    public DirectLineConversation? Find(string id)
    {
        if (!_conversations.TryGetValue(id, out var conversation))
        {
            return null;
        }

        if (IsIdle(conversation))
        {
            Remove(conversation);
            return null;
        }

        return conversation;
    }

    /// <summary>Finds or creates a conversation; null when the store is full.</summary>
    public DirectLineConversation? GetOrCreate(string id, string userId, out bool created)
    {
        created = false;
        var existing = Find(id);
        if (existing is not null)
        {
            return existing;
        }

        lock (_createGate)
        {
            if (_conversations.TryGetValue(id, out existing))
            {
                return existing;
            }

            if (_conversations.Count >= _options.MaxConversations)
            {
                Sweep();
                if (_conversations.Count >= _options.MaxConversations && !EvictLeastRecentlyUsed())
                {
                    return null;
                }
            }

            var conversation = new DirectLineConversation(id, userId, _options.MaxActivitiesPerConversation, _options.MaxTranscriptBytesPerConversation, _budget, time);
            _conversations[id] = conversation;
            created = true;
            return conversation;
        }
    }

    /// <summary>Forgets every idle conversation; returns how many.</summary>
    public int Sweep()
    {
        var removed = 0;
        foreach (var conversation in _conversations.Values)
        {
            if (IsIdle(conversation))
            {
                Remove(conversation);
                removed++;
            }
        }

        return removed;
    }

    /// <summary>
    /// Keeps all transcripts together within <see cref="DirectLineOptions.MaxTranscriptBytes"/>: the least recently used
    /// conversations lose their oldest activities first, down to nine tenths of the budget so this runs rarely.
    /// </summary>
    public void EnforceBudget()
    {
        var max = _options.MaxTranscriptBytes;
        if (_budget.Bytes <= max)
        {
            return;
        }

        var excess = _budget.Bytes - (max / 10 * 9);
        foreach (var conversation in _conversations.Values.OrderBy(c => c.LastUsed))
        {
            if (excess <= 0)
            {
                break;
            }

            excess -= conversation.Trim(excess);
        }
    }

    private bool EvictLeastRecentlyUsed()
    {
        var oldest = _conversations.Values.Where(c => c.StreamCount == 0).MinBy(c => c.LastUsed)
            ?? _conversations.Values.MinBy(c => c.LastUsed);
        if (oldest is null)
        {
            return false;
        }

        Remove(oldest);
        return true;
    }

    private bool IsIdle(DirectLineConversation conversation) =>
        time.GetUtcNow() - conversation.LastUsed >= TimeSpan.FromMinutes(_options.ConversationIdleMinutes);

    private void Remove(DirectLineConversation conversation)
    {
        if (_conversations.TryRemove(new KeyValuePair<string, DirectLineConversation>(conversation.Id, conversation)))
        {
            conversation.CloseStreams();
            conversation.Release();
        }
    }
}
