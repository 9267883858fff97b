namespace LeashBot.Safety;

/// <summary>How soon a cat needs a vet, from what the owner wrote.</summary>
public enum RedFlagTier
{
    /// <summary>No red flag: the message goes on to the coaching.</summary>
    None = 0,

    /// <summary>See a vet soon, and pause training until the vet says it's fine.</summary>
    Soon = 1,

    /// <summary>A vet now.</summary>
    Emergency = 2,
}

/// <summary>One sign found in a message, with the body system it belongs to.</summary>
public sealed record RedFlagSign(string SignId, string SystemId, RedFlagTier Tier);

/// <summary>What the triage found: the highest tier and every sign behind it.</summary>
public sealed class RedFlagResult
{
    public static readonly RedFlagResult None = new(RedFlagTier.None, []);

    /// <summary>No red flag, but the message talks about health ("his gums are nice and pink", "vet said she's fine").</summary>
    public static readonly RedFlagResult HealthOnly = new(RedFlagTier.None, []) { MentionsHealth = true };

    /// <summary>No red flag because the rules read a sign and set it aside: denied, long ago, cleared by a vet, harmless here.</summary>
    public static readonly RedFlagResult Calmed = new(RedFlagTier.None, []) { MentionsHealth = true, IsCalmed = true };

    /// <summary>No red flag: the signs are asked about as what might happen ("if she pants on a hot day, is that ok?").</summary>
    public static RedFlagResult AsWhatIf(IReadOnlyList<RedFlagSign> signs) => new(RedFlagTier.None, []) { MentionsHealth = true, IsCalmed = true, WhatIf = signs };

    /// <summary>This result, with the signs the owner denied in the same message ("she didnt fall").</summary>
    public RedFlagResult WithDenied(IReadOnlyList<RedFlagSign>? denied) =>
        denied is not { Count: > 0 } ? this : new(Tier, Signs) { MentionsHealth = true, IsCalmed = IsCalmed || !IsRedFlag, WhatIf = WhatIf, Denied = denied };

    public RedFlagResult(RedFlagTier tier, IReadOnlyList<RedFlagSign> signs)
    {
        Tier = tier;
        Signs = signs;
        MentionsHealth = tier != RedFlagTier.None;
    }

    public RedFlagTier Tier { get; }

    public IReadOnlyList<RedFlagSign> Signs { get; }

    public bool IsRedFlag => Tier != RedFlagTier.None;

    /// <summary>True for a red flag, and for a calm message about health.</summary>
    public bool MentionsHealth { get; private init; }

    /// <summary>True when the rules read a sign and set it aside ("no vomiting", "last year", "the vet says it's fine").</summary>
    public bool IsCalmed { get; private init; }

    /// <summary>The signs asked about as what might happen, not as happening: information to give.</summary>
    public IReadOnlyList<RedFlagSign> WhatIf { get; private init; } = [];

    /// <summary>The signs the owner denied ("she didnt fall or get bitten"): during an alarm for one of them, it was a misreading.</summary>
    public IReadOnlyList<RedFlagSign> Denied { get; private init; } = [];

    public override string ToString() => IsRedFlag ? $"{Tier}: {string.Join(", ", Signs.Select(s => s.SignId))}" : "None";
}
