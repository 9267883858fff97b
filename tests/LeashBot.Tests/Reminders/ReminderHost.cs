using LeashBot.Coaching.Reminders;
using LeashBot.Storage;
using LeashBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace LeashBot.Tests.Reminders;

/// <summary>The real host with reminders on, its sender run by the test (not in the background) on the fake clock.</summary>
public static class ReminderHost
{
    public static Dictionary<string, string?> Settings(Dictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Reminders:Enabled"] = "true",
            ["Reminders:SendInBackground"] = "false",
            ["Reminders:RetrySeconds"] = "5",
        };
        foreach (var (key, value) in more ?? [])
        {
            settings[key] = value;
        }

        return settings;
    }

    public static BotHost Create(Dictionary<string, string?>? more = null) => new(Settings(more));

    public static Task<int> SendDueAsync(this BotHost host) => host.Services.GetRequiredService<ReminderSender>().SendDueAsync(CancellationToken.None);

    public static async Task<ReminderRecord?> RecordAsync(this BotHost host, string channel, string userId) =>
        (await host.Services.GetRequiredService<ReminderStore>().ReadAsync(ReminderRecord.KeyOf($"{channel}/users/{userId}"), CancellationToken.None)).Record;

    /// <summary>A message as Web Chat sends it, with the visitor's time zone.</summary>
    public static Task<Replies> SaysInAsync(this Owner owner, string text, string zone) =>
        owner.PostAsync(owner.Activity("message", text, new JObject { ["localTimezone"] = zone }));

    /// <summary>Moves the fake clock to the next time it shows <paramref name="hour"/>:<paramref name="minute"/> in <paramref name="zone"/>.</summary>
    public static void MoveTo(this BotHost host, string zone, int hour, int minute = 0, int daysLater = 0)
    {
        var tz = TimeZoneInfo.FindSystemTimeZoneById(zone);
        var now = host.Clock.GetUtcNow();
        var localDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, tz).DateTime).AddDays(daysLater);
        var target = ReminderSchedule.At(localDay, (hour * 60) + minute, tz);
        if (target <= now)
        {
            target = ReminderSchedule.At(localDay.AddDays(1), (hour * 60) + minute, tz);
        }

        host.Clock.SetUtcNow(target);
    }

    /// <summary>Logs a training session the usual way: start the plan for a cat, then report how it went.</summary>
    public static async Task PractiseAsync(this Owner owner, string cat)
    {
        await owner.SaysAsync("start training");
        await owner.SaysAsync(cat);
        await owner.SaysAsync("we did 5 minutes and she was relaxed");
    }

    /// <summary>
    /// Another instance's claim on today's reminder of a Teams owner, as it writes it just before its send (held for
    /// <paramref name="holdsFor"/>, under <paramref name="claimId"/>).
    /// </summary>
    public static async Task ClaimAsOtherInstanceAsync(this BotHost host, string ownerId, string zone, TimeSpan holdsFor, string? claimId = null)
    {
        var now = host.Clock.GetUtcNow();
        var today = ReminderSchedule.DayText(ReminderSchedule.LocalDay(now, TimeZoneInfo.FindSystemTimeZoneById(zone)));
        await host.Services.GetRequiredService<ReminderStore>().UpdateAsync(ReminderRecord.KeyOf($"msteams/users/{ownerId}"), r =>
        {
            r!.LastDay = today;
            r.LastState = ReminderStates.Sending;
            r.SendingSince = now;
            r.SendingUntil = now + holdsFor;
            r.ClaimId = claimId ?? r.ClaimId;
            return r;
        }, CancellationToken.None);
    }

    public static IDueQueue Queue(this BotHost host) => host.Services.GetRequiredService<IDueQueue>();
}
