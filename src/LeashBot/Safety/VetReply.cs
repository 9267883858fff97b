namespace LeashBot.Safety;

/// <summary>
/// The one message a red flag gets, short enough for SMS: what to do for the tier, then the numbers to call.
/// While the clinic is open its own number comes first; outside its hours, or when no hours are set, the
/// emergency line does. It never says what the problem might be.
/// </summary>
public sealed class VetReply(Phrasebook say, TimeProvider clock)
{
    // Read per message: on a deployment with several sites each has its own hours and zone (Phrasebook.ForSite).
    private OpeningHours? Hours => say.Organization.ReadHours();

    private TimeZoneInfo Zone => say.Organization.ReadTimeZone();

    /// <summary>
    /// The vet message for a red flag, or, with <see cref="RedFlagTier.None"/>, the one for a health question right
    /// after one; in the owner's language when the content has it (<c>translations</c>), else in English. With
    /// <paramref name="known"/> the owner has said what it is (a poison they named): the emergency line doesn't say it can't tell.
    /// </summary>
    public string For(RedFlagTier tier, string? catName, string language = "en", string? why = null, bool known = false)
    {
        var redFlags = say.Content.RedFlags;
        var reply = redFlags.Translations.GetValueOrDefault(language) ?? redFlags.Reply;
        catName ??= reply.YourCat ?? say.Content.Messages.YourCat;
        var cat = ("cat", catName);
        var lines = new List<string>
        {
            tier switch
            {
                RedFlagTier.Emergency => say.Text(known && reply.EmergencyKnown is { } told ? told : reply.Emergency, cat),
                RedFlagTier.Soon => say.Text(reply.Soon, cat),
                _ => say.Text(reply.Again, cat),
            },
            why ?? "",
        };

        lines.AddRange(Numbers(reply, tier));
        if (tier != RedFlagTier.None)
        {
            lines.Add(say.Text(reply.Afterwards, cat));
        }

        return string.Join(" ", lines.Where(l => l.Length > 0));
    }

    /// <summary>
    /// What the owner is told on asking again about the same alarm: <paramref name="reason"/> (an opening, why the sign
    /// matters and the call-now action, already worded) and the numbers.
    /// </summary>
    public string WithNumbers(string reason, string language = "en") =>
        string.Join(" ", Numbers(say.Content.RedFlags.Translations.GetValueOrDefault(language) ?? say.Content.RedFlags.Reply).Prepend(reason).Where(l => l.Length > 0));

    /// <summary>
    /// The numbers to call: the clinic's first while it is open, else the emergency line's. A see-a-vet-soon sign waits for
    /// the clinic: its number and hours, the emergency line only in case things get worse, and never "the nearest
    /// emergency clinic" (that line is for emergencies).
    /// </summary>
    private List<string> Numbers(RedFlagReplies reply, RedFlagTier tier = RedFlagTier.Emergency)
    {
        var org = say.Organization;
        var lines = new List<string>();
        var phone = !string.IsNullOrWhiteSpace(org.Phone);
        var emergencyPhone = !string.IsNullOrWhiteSpace(org.EmergencyPhone);
        var clinic = string.IsNullOrWhiteSpace(org.OpeningHours) ? reply.Clinic : reply.ClinicWithHours;
        var soon = tier == RedFlagTier.Soon;
        if (!phone && !emergencyPhone)
        {
            lines.Add(say.Text(soon ? reply.SoonNoNumbers : reply.NoNumbers));
        }
        else if (phone && IsOpenNow())
        {
            lines.Add(say.Text(reply.OpenNow));
            lines.Add(emergencyPhone ? say.Text(reply.EmergencyLine) : "");
        }
        else if (soon && phone)
        {
            lines.Add(say.Text(clinic));
            lines.Add(emergencyPhone ? say.Text(reply.IfWorse) : "");
        }
        else
        {
            lines.Add(say.Text(emergencyPhone ? reply.EmergencyLine : soon ? reply.SoonNoNumbers : reply.NearestEmergency));
            lines.Add(phone ? say.Text(clinic) : "");
        }

        return lines;
    }

    private bool IsOpenNow() =>
        Hours is not null && Hours.IsOpen(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Zone).DateTime);
}
