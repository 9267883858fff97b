namespace LeashBot.Channels.Sms;

/// <summary>
/// How many texts one number may send per minute (a fixed one-minute window per number), so one phone, or a script
/// replaying signed requests, can't run up turns and reply costs. Memory stays bounded: finished windows are
/// dropped whenever the table grows.
/// </summary>
public sealed class SmsRateLimit(IOptions<TwilioSmsOptions> options, TimeProvider time)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private const int SweepAbove = 10_000;
    private readonly Dictionary<string, (DateTimeOffset Start, int Count)> _windows = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>True when the number (its pseudonym) may send one more text now; counts it.</summary>
    public bool TryTake(string number)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            if (_windows.Count > SweepAbove)
            {
                foreach (var stale in _windows.Where(w => now - w.Value.Start >= Window).Select(w => w.Key).ToList())
                {
                    _windows.Remove(stale);
                }
            }

            var window = _windows.TryGetValue(number, out var current) && now - current.Start < Window ? current : (Start: now, Count: 0);
            if (window.Count >= options.Value.MessagesPerNumberPerMinute)
            {
                _windows[number] = window;
                return false;
            }

            _windows[number] = (window.Start, window.Count + 1);
            return true;
        }
    }
}
