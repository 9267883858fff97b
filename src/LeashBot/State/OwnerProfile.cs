using Newtonsoft.Json;

namespace LeashBot.State;

/// <summary>What LeashBot remembers about an owner across conversations (user state).</summary>
public sealed class OwnerProfile
{
    public List<CatProfile> Cats { get; set; } = [];

    /// <summary>The cat the owner talked about last; messages that name no cat are about this one.</summary>
    public string? CurrentCat { get; set; }

    /// <summary>
    /// The last change made to a cat's step or sessions, or to the list of cats: "undo" reverses exactly this, and
    /// nothing else. Null once it was undone (or before anything changed).
    /// </summary>
    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public ProgressChange? LastChange { get; set; }

    /// <summary>The cat with this name, ignoring case and accents ("zoe" finds Zoë).</summary>
    public CatProfile? FindCat(string? name) =>
        name is null ? null : Cats.Find(c => SameName(c.Name, name));

    public static bool SameName(string a, string b) =>
        string.Compare(a, b, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.CompareOptions.IgnoreCase | System.Globalization.CompareOptions.IgnoreNonSpace) == 0;

    [JsonIgnore]
    public CatProfile? Current => FindCat(CurrentCat) ?? (Cats.Count == 1 ? Cats[0] : null);
}

/// <summary>One cat and its progress through the 10-step plan.</summary>
public sealed class CatProfile
{
    public string Name { get; set; } = "";

    /// <summary>"he" or "she", learned from how the owner talks about the cat; null until then.</summary>
    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public string? Pronoun { get; set; }

    /// <summary>The step the cat is working on, 1 to 10.</summary>
    public int Step { get; set; } = 1;

    public DateTimeOffset StepStarted { get; set; }

    /// <summary>True once the cat was relaxed at step 10.</summary>
    public bool Finished { get; set; }

    public List<TrainingSession> Sessions { get; set; } = [];

    public ChecklistResult? Checklist { get; set; }

    [JsonIgnore]
    public IEnumerable<TrainingSession> SessionsAtCurrentStep => Sessions.Where(s => s.Step == Step && s.At >= StepStarted);
}

/// <summary>How a cat seemed during a session.</summary>
public enum Mood
{
    Relaxed,
    Unsure,
    Stressed,
}

public sealed class TrainingSession
{
    public DateTimeOffset At { get; set; }
    public int Step { get; set; }
    public double Minutes { get; set; }
    public Mood Mood { get; set; }

    /// <summary>The same session: same moment, step, length and mood (a change names sessions this way).</summary>
    public bool SameAs(TrainingSession other) =>
        other is not null && other.At == At && other.Step == Step && other.Minutes.Equals(Minutes) && other.Mood == Mood;
}

/// <summary>What kind of change <see cref="ProgressChange"/> records; the undo reply says it back.</summary>
public enum ChangeKind
{
    SessionLogged,
    SessionEdited,
    SessionDeleted,
    SessionMoved,
    StepMoved,
    CatAdded,
    CatRenamed,
    CatRemoved,
}

/// <summary>
/// One change to the owner's cats, as what each cat it touched was before: its step, and the sessions the change
/// added and took away. Undoing it puts every one of those back, so nothing the change didn't touch moves.
/// </summary>
public sealed class ProgressChange
{
    public ChangeKind Kind { get; set; }

    public List<CatBefore> Cats { get; set; } = [];

    /// <summary>The owner whose last change this becomes once it touches a cat (a change that touches nothing replaces nothing).</summary>
    [JsonIgnore]
    public OwnerProfile? Of { get; set; }
}

/// <summary>One cat as a change found it: where it was in the plan, and which sessions the change added and removed.</summary>
public sealed class CatBefore
{
    /// <summary>The cat's name after the change (a rename's new name).</summary>
    public string Name { get; set; } = "";

    /// <summary>The cat's name before a rename; null when the change kept the name.</summary>
    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public string? OldName { get; set; }

    /// <summary>True when the change brought the cat in (undoing it takes the cat off the list again).</summary>
    [JsonProperty(DefaultValueHandling = DefaultValueHandling.Ignore)]
    public bool New { get; set; }

    /// <summary>True when the change took the cat off the list (undoing it brings the cat back, with <see cref="Removed"/>).</summary>
    [JsonProperty(DefaultValueHandling = DefaultValueHandling.Ignore)]
    public bool Gone { get; set; }

    /// <summary>The pronoun of a cat the change took off the list.</summary>
    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public string? Pronoun { get; set; }

    public int Step { get; set; }

    public DateTimeOffset StepStarted { get; set; }

    [JsonProperty(DefaultValueHandling = DefaultValueHandling.Ignore)]
    public bool Finished { get; set; }

    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public List<TrainingSession>? Added { get; set; }

    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public List<TrainingSession>? Removed { get; set; }
}

public sealed class ChecklistResult
{
    public DateTimeOffset At { get; set; }
    public bool Ready { get; set; }

    /// <summary>The ids of the questions answered "no".</summary>
    public List<string> HeldBackBy { get; set; } = [];
}

/// <summary>What LeashBot remembers about one conversation besides the dialog stack.</summary>
public sealed class ConversationFlags
{
    public bool Greeted { get; set; }

    /// <summary>True once the owner's first message in this conversation was answered: a later "Good afternoon." is no start of a talk to introduce.</summary>
    [JsonProperty(DefaultValueHandling = DefaultValueHandling.Ignore)]
    public bool Talked { get; set; }

    /// <summary>True when the last thing the bot sent was the menu, so a bare "2" picks its second entry.</summary>
    public bool MenuShown { get; set; }

    /// <summary>When the bot last sent the owner to a vet; a health question soon after gets the vet message again.</summary>
    public DateTimeOffset? RedFlagAt { get; set; }

    /// <summary>True once the owner was told, in their language, that the coaching is in English; it isn't said again.</summary>
    public bool OtherLanguageNoted { get; set; }

    /// <summary>True once the owner was told that reminders aren't sent here and what they can do instead; later asks get a short line.</summary>
    public bool NoRemindersNoted { get; set; }

    /// <summary>The highest red-flag tier since <see cref="RedFlagAt"/> (1 see a vet soon, 2 emergency): a later message never lowers it.</summary>
    public int RedFlagLevel { get; set; }

    /// <summary>The message the bot asked "is your cat unwell or hurt right now?" about, until the next message answers it.</summary>
    public string? UnwellCheckFor { get; set; }

    /// <summary>The unwell question was asked while a question of the bot's waited: a "no" leaves that question, never answers it.</summary>
    public bool UnwellCheckOverQuestion { get; set; }

    /// <summary>
    /// Fingerprints of the last few answers given, side by side in one string of a fixed width (see Coaching's
    /// AnswerMemory), so a rephrased question doesn't get the same answer word for word again. Null before the first.
    /// </summary>
    public string? RecentAnswers { get; set; }

    /// <summary>
    /// Fingerprints of the last few sentences given again in short (as <see cref="RecentAnswers"/>), so an answer asked for
    /// a third time gets another part of it, never the same line twice. Null before the first.
    /// </summary>
    public string? RecentGists { get; set; }

    /// <summary>How many answers were given again in short: the next one opens with the next lead-in.</summary>
    public int Repeats { get; set; }

    /// <summary>The cats the alarm since <see cref="RedFlagAt"/> is about (none: no cat known, the alarm holds every cat); the owner's other cats train on.</summary>
    public List<string> RedFlagCats { get; set; } = [];

    /// <summary>The signs the alarm since <see cref="RedFlagAt"/> was raised for ("breathing.panting").</summary>
    public List<string> RedFlagSigns { get; set; } = [];

    /// <summary>How often the owner asked again about the same alarm ("is it really an emergency?"): each gets a reason, not the same paragraph.</summary>
    [JsonProperty(DefaultValueHandling = DefaultValueHandling.Ignore)]
    public int RedFlagAskedAgain { get; set; }

    /// <summary>Signs a vet has seen the cat for and cleared in this conversation: mentioning them again ("stop if he pants again") is no new alarm.</summary>
    public List<string> ClearedSigns { get; set; } = [];

    public bool ShouldSerializeRedFlagCats() => RedFlagCats.Count > 0;

    public bool ShouldSerializeRedFlagSigns() => RedFlagSigns.Count > 0;

    public bool ShouldSerializeClearedSigns() => ClearedSigns.Count > 0;
}
