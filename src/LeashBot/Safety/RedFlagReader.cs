using LeashBot.Understanding;

namespace LeashBot.Safety;

/// <summary>Where the tier head may decide: how sure it must be (section <c>Safety:TierHead</c>).</summary>
public sealed class TierHeadOptions
{
    public const string Section = "Safety:TierHead";

    /// <summary>Off: only the rules decide (the second opinion may still ask).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The head's emergency probability at which a message the rules are silent on is an emergency. Chosen with the head
    /// trained without blind set T's tuning half and read on it: below 0.8 it alarmed on calm training news ("she walked
    /// the whole garden path!").
    /// </summary>
    public double Emergency { get; set; } = 0.8;

    /// <summary>The head's emergency and soon probabilities together at which it is a see-a-vet-soon (0.8 alarmed on "her ears go flat when the harness comes out").</summary>
    public double Soon { get; set; } = 0.85;
}

/// <summary>
/// The red-flag reading every message gets: the rules first (<see cref="RedFlagTriage"/>); where they are silent and
/// the message reads health-related, the tier head over the sentence embedding decides the tier. The rules keep what
/// they are good at: a sign they read and set aside (denied, long ago, harmless here), a vet's all-clear, a denial,
/// a time long past or a "fine now" anywhere in the message leave the head unasked, so it never overrides them.
/// The embedding runs only when the rules are silent and the words read health-related, and never for training news
/// or a fear story ("hissed at the velcro", <see cref="TrainingNews"/>): the head can't tell a frightened cat from a hurt one.
/// </summary>
public sealed class RedFlagReader(RedFlagTriage triage, HealthWords healthWords, TrainingNews news, WellSaid well, SemanticReader? semantic, RedFlagTierHead? head, TierHeadOptions options)
{
    /// <summary>The body system of signs read by the head: by meaning, not by a rule.</summary>
    public const string ByMeaning = "meaning";

    public RedFlagTriage Rules => triage;

    /// <summary>Training news and fear stories, kept from every reading by meaning.</summary>
    public TrainingNews News => news;

    /// <summary>
    /// Training news, a fear story, or the cat said to be well ("eating normally"): no worry a reading by meaning may
    /// raise (the tier head here, the unwell question in <see cref="UnwellCheck"/>).
    /// </summary>
    public bool ReadsAsNoWorry(string text) => news.In(text) || OnlyWellSaid(text);

    /// <summary>
    /// The cat is said to be well and nothing else health-related is said: "hes eating fine, just wont walk on the lead".
    /// A sign told beside it ("eating normally, breathing sounds rattly") is still read by meaning, without the well part.
    /// </summary>
    private bool OnlyWellSaid(string text) => well.In(text) && !healthWords.In(well.Rest(text));

    /// <summary>The rules' reading, or the head's where the rules are silent.</summary>
    public RedFlagResult Read(string text, IReadOnlyCollection<string>? catNames = null)
    {
        var rules = triage.Read(text, catNames);
        if (!MayAskTheHead(rules, text, catNames))
        {
            return rules;
        }

        // What says the cat is well is left out: the head can't read it ("eating normally" is no sign of anything).
        var tier = HeadTierOf(well.In(text) ? well.Rest(text) : text);
        return tier == RedFlagTier.None ? rules : new RedFlagResult(tier, [new RedFlagSign($"{ByMeaning}.{tier.ToString().ToLowerInvariant()}", ByMeaning, tier)]);
    }

    /// <summary>
    /// The rules are silent (no sign, none set aside, no calming words), the words read health-related, the message is
    /// no training news or fear story, says nothing of the cat being well ("eating normally") and is not mostly another
    /// language's (the model reads English: "oi! pergunta rapida" is no emergency).
    /// </summary>
    public bool MayAskTheHead(RedFlagResult rules, string text, IReadOnlyCollection<string>? catNames = null) =>
        GateFor(rules, text, catNames) == HeadGate.Asked;

    /// <summary>Which gate, if any, keeps a message from the tier head (the first that does, in the order they are tried).</summary>
    public HeadGate GateFor(RedFlagResult rules, string text, IReadOnlyCollection<string>? catNames = null)
    {
        ArgumentNullException.ThrowIfNull(rules);
        if (!options.Enabled || semantic is null || head is null)
        {
            return HeadGate.Off;
        }

        if (rules.IsRedFlag || rules.IsCalmed)
        {
            return HeadGate.RulesSpoke;
        }

        var withoutNames = WithoutNames(text, catNames);
        return !healthWords.In(withoutNames) ? HeadGate.NoHealthWord
            : news.In(withoutNames) ? HeadGate.TrainingNews
            : OnlyWellSaid(withoutNames) ? HeadGate.WellSaid
            : triage.LanguageOf(text) is not null ? HeadGate.OtherLanguage
            : triage.ReadsCalming(text) ? HeadGate.CalmingWords
            : HeadGate.Asked;
    }

    /// <summary>The head's tier for a message whatever the gates say: for measuring what each gate keeps from it.</summary>
    public RedFlagTier HeadTierOf(string text)
    {
        if (head is null)
        {
            return RedFlagTier.None;
        }

        var tiers = head.Read(SentenceEmbeddings.Instance.Embed(text));
        return tiers.Emergency >= options.Emergency ? RedFlagTier.Emergency
            : tiers.Emergency + tiers.Soon >= options.Soon ? RedFlagTier.Soon
            : RedFlagTier.None;
    }

    /// <summary>The owner's own cats' names are the cat, never a health word ("Pepper was scared" says nothing of pepper).</summary>
    private static string WithoutNames(string text, IReadOnlyCollection<string>? catNames) =>
        catNames is null || catNames.Count == 0 ? text : NameMentions.Blank(text, catNames);
}

/// <summary>What keeps a message from the tier head: nothing (it is asked), or the first gate that does.</summary>
public enum HeadGate
{
    /// <summary>The head reads the message.</summary>
    Asked,

    /// <summary>The head is off or not loaded.</summary>
    Off,

    /// <summary>The rules found a sign, or set one aside.</summary>
    RulesSpoke,

    /// <summary>No word of the message is a health word.</summary>
    NoHealthWord,

    /// <summary>Training news or a fear story.</summary>
    TrainingNews,

    /// <summary>The cat is said to be well.</summary>
    WellSaid,

    /// <summary>Mostly another language's words.</summary>
    OtherLanguage,

    /// <summary>A denial, all-clear, long-ago time or "fine now" somewhere in the message.</summary>
    CalmingWords,
}
