using System.Collections.Concurrent;
using System.Diagnostics;

namespace LeashBot.Coaching.Reminders;

/// <summary>
/// How long sends were in doubt, on the real clock (not the injected one): from the durable claim of the day to the
/// durable "sent" mark, when a crash leaves a send's outcome unknown; and the part of it after the channel answered,
/// when a crash means the channel already took it (a resend then repeats it). Thread-safe; one per round of sends.
/// </summary>
public sealed class InDoubtTimes
{
    private readonly ConcurrentQueue<(double InDoubtMs, double AfterAnswerMs)> _sends = new();

    /// <summary>A point on the real clock, for <see cref="Add"/>.</summary>
    public long Now() => Stopwatch.GetTimestamp();

    /// <summary>One send: when its claim was durable, when the channel answered, when the mark was durable.</summary>
    public void Add(long claimed, long answered, long marked) =>
        _sends.Enqueue((Stopwatch.GetElapsedTime(claimed, marked).TotalMilliseconds, Stopwatch.GetElapsedTime(answered, marked).TotalMilliseconds));

    /// <summary>Median, 99th percentile and longest of both, in whole milliseconds; null when nothing was sent.</summary>
    public InDoubtSummary? Summary()
    {
        var sends = _sends.ToArray();
        if (sends.Length == 0)
        {
            return null;
        }

        var inDoubt = sends.Select(s => s.InDoubtMs).Order().ToArray();
        var afterAnswer = sends.Select(s => s.AfterAnswerMs).Order().ToArray();
        return new InDoubtSummary(sends.Length, Percentile(inDoubt, 0.5), Percentile(inDoubt, 0.99), Percentile(inDoubt, 1),
            Percentile(afterAnswer, 0.5), Percentile(afterAnswer, 0.99), Percentile(afterAnswer, 1));
    }

    private static long Percentile(double[] sorted, double share) =>
        (long)Math.Round(sorted[Math.Clamp((int)Math.Ceiling(share * sorted.Length) - 1, 0, sorted.Length - 1)]);
}

/// <summary>A round's sends: how many, and how long they were in doubt (ms), in all and after the channel's answer.</summary>
public sealed record InDoubtSummary(int Sends, long MedianMs, long P99Ms, long LongestMs, long AfterAnswerMedianMs, long AfterAnswerP99Ms, long AfterAnswerLongestMs);
