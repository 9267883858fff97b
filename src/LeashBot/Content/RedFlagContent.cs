using Newtonsoft.Json;

namespace LeashBot.Content;

// The shape of dialogs/redflags.json: the health red flags every message is checked for, and the vet reply.
// Patterns are words in order ("strain litter"); "a|b" offers alternatives, "@group" a word group,
// "a+b" asks for the two words side by side and "~a" for a word anywhere later in the sentence. Words are compared by stem, so "vomit" also finds "vomiting".

public sealed class RedFlagContent
{
    [JsonProperty(Required = Required.Always)] public RedFlagReplies Reply { get; set; } = new();

    /// <summary>How long after a red flag a health question ("is it heatstroke?") gets the vet message again.</summary>
    [JsonProperty(Required = Required.Always)] public int FollowUpMinutes { get; set; }

    /// <summary>How many other words (not counting skip words) may sit between two words of a pattern.</summary>
    [JsonProperty(Required = Required.Always)] public int MaxGap { get; set; }

    /// <summary>How many words (not counting skip words) before a sign a denial ("no", "not") still reaches.</summary>
    [JsonProperty(Required = Required.Always)] public int NegationWindow { get; set; }

    [JsonProperty(Required = Required.Always)] public List<string> SkipWords { get; set; } = [];
    [JsonProperty(Required = Required.Always)] public List<string> Fillers { get; set; } = [];
    [JsonProperty(Required = Required.Always)] public List<string> Negations { get; set; } = [];
    [JsonProperty(Required = Required.Always)] public List<string> NotNegations { get; set; } = [];
    [JsonProperty(Required = Required.Always)] public List<string> NegationCarriers { get; set; } = [];
    [JsonProperty(Required = Required.Always)] public List<string> Subjects { get; set; } = [];
    [JsonProperty(Required = Required.Always)] public List<string> ClauseBreaks { get; set; } = [];
    [JsonProperty(Required = Required.Always)] public List<string> Contrasts { get; set; } = [];
    [JsonProperty(Required = Required.Always)] public List<string> Clearances { get; set; } = [];
    [JsonProperty(Required = Required.Always)] public List<string> LongAgo { get; set; } = [];
    [JsonProperty(Required = Required.Always)] public List<string> Resolved { get; set; } = [];
    [JsonProperty(Required = Required.Always)] public List<string> FollowUps { get; set; } = [];
    [JsonProperty(Required = Required.Always)] public Dictionary<string, List<string>> WordGroups { get; set; } = [];

    /// <summary>
    /// Words that point back to a thing named in the sentence before ("it", "them", "half"): a poison named in one
    /// sentence and eaten in the next ("dark choc on the table. she had half of it") is read as one thought.
    /// </summary>
    public List<string> BackReferences { get; set; } = [];

    /// <summary>A pattern element ("@ingest|had"): the sentence with the back reference must also have one of these.</summary>
    public string? BackReferenceVerbs { get; set; }

    /// <summary>Word lists taken from a named source (plants toxic to cats, human medicines…); patterns use them as word groups.</summary>
    public List<KnowledgeList> Knowledge { get; set; } = [];

    /// <summary>
    /// An owner's cat may be called by a red-flag word ("Lily", "Pepper"): that word is read as the cat, unless one of
    /// these words comes right before it ("a lily", "the pepper").
    /// </summary>
    public List<string> NotANameAfter { get; set; } = [];

    /// <summary>
    /// Words that are also cats' names ("Daisy", "Coco", "Brandy"): in any owner's message such a word is read as a
    /// cat when it is the one doing something ("daisy chewed the strap"), and as the thing when a word of
    /// <see cref="NotANameAfter"/> comes before it, or a word of <see cref="ThingAfterName"/>, a comma or the end of the
    /// sentence comes after it ("lily pollen", "a lily", "lily, she ate a leaf").
    /// </summary>
    public List<string> NamesToo { get; set; } = [];

    /// <summary>Words after which a word of <see cref="NamesToo"/> is the thing, not a cat ("lily leaf", "chocolate bar", "ivy in the garden").</summary>
    public List<string> ThingAfterName { get; set; } = [];

    /// <summary>
    /// A sign's <c>unless</c> is looked for up to the first of these words after the sign ("she hasn't eaten since
    /// tuesday, so treats aren't working": the treats are about something else).
    /// </summary>
    public List<string> UnlessStopsAt { get; set; } = [];

    /// <summary>
    /// Everyday words of the other languages the vet message is written in, by language code ("el", "und", "est"):
    /// a red flag written mostly in those words gets the vet message in that language.
    /// </summary>
    public Dictionary<string, List<string>> LanguageWords { get; set; } = [];

    /// <summary>How a question to the shop or clinic is told from a remark about the cat's health.</summary>
    public HealthRemarkWords HealthRemarks { get; set; } = new();

    /// <summary>The behaviour words of training news and fear stories, which are no health worry on their own.</summary>
    public TrainingNewsWords TrainingNews { get; set; } = new();

    /// <summary>Words saying the cat is well ("eating normally", "healthy"), which keep a message from the tier head.</summary>
    public WellSaidWords WellSaid { get; set; } = new();

    /// <summary>A vet has seen the cat and all is well: after a red flag, such a message ends the alarm.</summary>
    public List<string> AllClears { get; set; } = [];

    /// <summary>A health question about what might happen ("if she pants on a hot day, is that ok?"): information, not an alarm.</summary>
    public WhatIfWords WhatIf { get; set; } = new();

    /// <summary>The owner asks what to tell the vet ("what do i tell the vet", "qué le digo al vet?").</summary>
    public List<string> TellTheVet { get; set; } = [];

    /// <summary>The owner says the alarm was a misreading ("nothing happened", "no emergency", "you misread me"): during an alarm, it ends it.</summary>
    public List<string> FalseAlarm { get; set; } = [];

    /// <summary>Words that keep a denial from ending an alarm: the sign has stopped, not never been ("not vomiting anymore").</summary>
    public List<string> StillWorry { get; set; } = [];

    /// <summary>The owner asks about first aid at home during an alarm ("should i make her sick?", "can i give her milk").</summary>
    public List<string> FirstAidAsks { get; set; } = [];

    /// <summary>Everyday mild signs told calmly ("sneezed a couple of times"), each with its calm answer: what's usual, what to watch for.</summary>
    public List<MildSign> MildSigns { get; set; } = [];

    /// <summary>The knowledge lists (<see cref="Knowledge"/> ids) whose words name a poison the vet message can name back.</summary>
    public List<string> NamedPoisons { get; set; } = [];

    /// <summary>What the bot says while an alarm lasts, when it ends, and to a calm message about health.</summary>
    public RedFlagAftercare Aftercare { get; set; } = new();

    /// <summary>The vet message in the other languages the bot recognises, by language code; the English one is <see cref="Reply"/>.</summary>
    public Dictionary<string, RedFlagReplies> Translations { get; set; } = [];
    [JsonProperty(Required = Required.Always)] public List<BodySystem> Systems { get; set; } = [];
}

/// <summary>A mild sign an owner mentions calmly, with no red flag beside it, and its calm answer ({cat} is the cat).</summary>
public sealed class MildSign
{
    [JsonProperty(Required = Required.Always)] public List<string> Patterns { get; set; } = [];
    [JsonProperty(Required = Required.Always)] public string Reply { get; set; } = "";
}

/// <summary>The parts of the one vet message; the bot puts them together for the tier and the clinic's hours.</summary>
public sealed class RedFlagReplies
{
    [JsonProperty(Required = Required.Always)] public string Emergency { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string Soon { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string Again { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string EmergencyLine { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string NearestEmergency { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string OpenNow { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string ClinicWithHours { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string Clinic { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string NoNumbers { get; set; } = "";

    /// <summary>Instead of <see cref="NoNumbers"/> for a see-a-vet-soon sign: the owner's own vet, never an emergency clinic.</summary>
    [JsonProperty(Required = Required.Always)] public string SoonNoNumbers { get; set; } = "";

    /// <summary>After the clinic's number for a see-a-vet-soon sign while it is closed: the emergency line, in case things get worse.</summary>
    [JsonProperty(Required = Required.Always)] public string IfWorse { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string Afterwards { get; set; } = "";

    /// <summary>"your cat" in this language, when the cat's name isn't known (the English one is in messages.json).</summary>
    public string? YourCat { get; set; }

    /// <summary>Instead of <see cref="Emergency"/> when the owner named what it is (a poison): the same urgency, without "I can't tell what it is".</summary>
    public string? EmergencyKnown { get; set; }

    /// <summary>Asked again whether it can wait ("¿puedo esperar a mañana?"): a plain don't-wait, before the numbers.</summary>
    public string? DontWait { get; set; }
}

/// <summary>The bot's words around a red flag, after the vet message itself.</summary>
public sealed class RedFlagAftercare
{
    /// <summary>"ok", "thanks", "calling now" while the alarm lasts: short and kind, no menu.</summary>
    [JsonProperty(Required = Required.Always)] public string Waiting { get; set; } = "";

    /// <summary>A training question or session while the alarm lasts: why training waits.</summary>
    [JsonProperty(Required = Required.Always)] public string TrainingWaits { get; set; } = "";

    /// <summary>A vet's all-clear: glad, and go by the vet's advice on when to start again.</summary>
    [JsonProperty(Required = Required.Always)] public string AllClear { get; set; } = "";

    /// <summary>Opening of the answer to a what-if health question.</summary>
    [JsonProperty(Required = Required.Always)] public string WhatIf { get; set; } = "";

    /// <summary>Closing of the answer to a what-if question: if it is happening now, call.</summary>
    [JsonProperty(Required = Required.Always)] public string WhatIfNow { get; set; } = "";

    /// <summary>While an alarm lasts, the owner says it was a what-if: sorry for the misreading, glad the cat is fine.</summary>
    [JsonProperty(Required = Required.Always)] public string NotHappening { get; set; } = "";

    /// <summary>While an alarm lasts, the owner says it was a misreading: sorry, the hold is gone, and what to do if something does happen.</summary>
    [JsonProperty(Required = Required.Always)] public string Misread { get; set; } = "";

    /// <summary>First aid asked about during an alarm: no home remedies or making the cat sick unless a vet says so, take the packet, call now.</summary>
    [JsonProperty(Required = Required.Always)] public string FirstAid { get; set; } = "";

    /// <summary>The first vet message for a poison the owner named: {name} is the poison, said back so the owner knows it was heard.</summary>
    [JsonProperty(Required = Required.Always)] public string PoisonNamed { get; set; } = "";

    /// <summary>After <see cref="TrainingWaits"/>, when the owner has cats the alarm is not about: {cats} can train on.</summary>
    [JsonProperty(Required = Required.Always)] public string OthersTrain { get; set; } = "";

    /// <summary>While an alarm lasts, what to have ready for the vet's call.</summary>
    [JsonProperty(Required = Required.Always)] public string TellTheVet { get; set; } = "";

    /// <summary>A calm message about health the coaching has no answer for ("his gums are nice and pink"); the menu follows.</summary>
    [JsonProperty(Required = Required.Always)] public string CalmHealth { get; set; } = "";

    /// <summary>
    /// The owner asks again about the same alarm ("is it really an emergency?", "ok but WHY"): an opening, taken in
    /// turn, before the sign's reason (<see cref="BodySystem.Why"/>) and <see cref="CallNow"/>, so no paragraph repeats.
    /// </summary>
    [JsonProperty(Required = Required.Always)] public List<string> AskedAgain { get; set; } = [];

    /// <summary>The clear action after the reason: call now, say what was seen; the numbers follow.</summary>
    [JsonProperty(Required = Required.Always)] public string CallNow { get; set; } = "";

    /// <summary>
    /// A sign the alarm didn't have yet, told while it lasts ("now she's drooling loads" after a poison): no "it may well
    /// be fine" and no reason that speaks of before any signs show; don't wait any longer, call now; the numbers follow.
    /// </summary>
    [JsonProperty(Required = Required.Always)] public string NewSign { get; set; } = "";

    /// <summary>
    /// Words that tell a sign as back or happening now ("he's straining again", "is the blockage back?", "right now"): a
    /// sign a vet cleared earlier in the chat alarms again when told with one of these, and only mentioned in passing
    /// without them ("he panted a little after play, we stopped like the vet said") stays cleared.
    /// </summary>
    [JsonProperty(Required = Required.Always)] public List<string> SignBack { get; set; } = [];

    /// <summary>
    /// Words that tell the owner is already calling or on the way ("on our way", "in the car", "already called"): the
    /// kind <see cref="Waiting"/> line, with <see cref="TrainingWaits"/> when they ask about training, never the call-now
    /// paragraph again.
    /// </summary>
    [JsonProperty(Required = Required.Always)] public List<string> OnTheirWay { get; set; } = [];

    /// <summary>A training question (not a session) while the alarm lasts: answered, after this line saying it is for later.</summary>
    [JsonProperty(Required = Required.Always)] public string ForLater { get; set; } = "";

    /// <summary>How a message asking to do some training while the alarm lasts is told from one asking about training.</summary>
    [JsonProperty(Required = Required.Always)] public SessionRequestWords SessionRequests { get; set; } = new();
}

/// <summary>
/// "can we still do a quick session tonight?": an <see cref="Asking"/> phrase, a <see cref="Training"/> word after it,
/// and no <see cref="About"/> word (a question word) before it.
/// </summary>
public sealed class SessionRequestWords
{
    [JsonProperty(Required = Required.Always)] public List<string> Asking { get; set; } = [];
    [JsonProperty(Required = Required.Always)] public List<string> Training { get; set; } = [];
    [JsonProperty(Required = Required.Always)] public List<string> About { get; set; } = [];
}

/// <summary>A list of facts (names) from a named source, with its licence.</summary>
public sealed class KnowledgeList
{
    [JsonProperty(Required = Required.Always)] public string Id { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string Title { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string Source { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string Licence { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public List<string> Words { get; set; } = [];
}

public sealed class BodySystem
{
    [JsonProperty(Required = Required.Always)] public string Id { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public string Title { get; set; } = "";

    /// <summary>Why signs of this system need a vet, in the bot's words and never a diagnosis: said when the owner asks again.</summary>
    [JsonProperty(Required = Required.Always)] public string Why { get; set; } = "";

    /// <summary>What to do if a sign of this system happens: the answer to a what-if question.</summary>
    [JsonProperty(Required = Required.Always)] public string IfItHappens { get; set; } = "";

    /// <summary>How to keep it from happening on walks, where the article has advice for it.</summary>
    public string? Prevent { get; set; }

    /// <summary>The first vet message already says why it is urgent (poisons harm before any sign shows).</summary>
    public bool WhyFirst { get; set; }

    [JsonProperty(Required = Required.Always)] public List<RedFlagSignDefinition> Signs { get; set; } = [];
}

public sealed class RedFlagSignDefinition
{
    [JsonProperty(Required = Required.Always)] public string Id { get; set; } = "";

    /// <summary><c>emergency</c> (a vet now) or <c>soon</c> (a vet soon; training paused until then).</summary>
    [JsonProperty(Required = Required.Always)] public string Tier { get; set; } = "";

    [JsonProperty(Required = Required.Always)] public List<string> Patterns { get; set; } = [];

    /// <summary>Patterns that, in the same sentence, show the words mean something harmless ("hairball").</summary>
    public List<string>? Unless { get; set; }

    /// <summary>
    /// For an emergency sign: patterns of a cause that makes it less pressing ("after play"). When one is in the
    /// message and the message also says the sign has stopped (<c>resolved</c> or <see cref="StoppedWhen"/>), the sign is
    /// read as see a vet soon.
    /// </summary>
    public List<string>? SofterAfter { get; set; }

    /// <summary>With <see cref="SofterAfter"/>: patterns that say this sign has stopped ("fine after"), besides <c>resolved</c>.</summary>
    public List<string>? StoppedWhen { get; set; }

    /// <summary>
    /// A sign that only says how grave the owner feels it is ("dying", "an emergency"): while an alarm lasts it adds
    /// nothing new ("is it really an emergency?" asks about that alarm).
    /// </summary>
    public bool RestatesAlarm { get; set; }
}

/// <summary>
/// A message with a health word is a remark about health unless it speaks to the shop or clinic (<see cref="ToUs"/>:
/// "you", "u") and says nothing of the cat (<see cref="CatWords"/>: "she", "his"; or a <see cref="CatOwners"/> word
/// before "cat": "my cat").
/// </summary>
public sealed class HealthRemarkWords
{
    public List<string> ToUs { get; set; } = [];
    public List<string> CatWords { get; set; } = [];
    public List<string> CatOwners { get; set; } = [];
}

/// <summary>
/// Training news and fear stories: <see cref="BehaviourWords"/> ("hissed", "hid", "bolted") and the story's
/// <see cref="StoryWords"/> ("under the bed", "the velcro bit", "ate the treat") are no health words on their own; after a word of
/// <see cref="FrightWords"/> ("scared", "spooked") the clause names what frightened the cat, up to its end or a word of
/// <see cref="CauseEndsAt"/>.
/// </summary>
public sealed class TrainingNewsWords
{
    public List<string> BehaviourWords { get; set; } = [];
    public List<string> StoryWords { get; set; } = [];
    public List<string> FrightWords { get; set; } = [];
    public List<string> CauseEndsAt { get; set; } = [];

    /// <summary>Words of training (gear, sessions, walks, minutes, treats): without one, a fright or hiding is no training news.</summary>
    public List<string> TrainingWords { get; set; } = [];
}

/// <summary>Words saying the cat is well (<see cref="Words"/>: "normally", "healthy"), unless right after a word of <see cref="NotAfter"/> ("than").</summary>
public sealed class WellSaidWords
{
    public List<string> Words { get; set; } = [];
    public List<string> NotAfter { get; set; } = [];

    /// <summary>Words after a well word that tell of a change ("she was fine but now…"): then the cat is not said to be well.</summary>
    public List<string> ChangeAfter { get; set; } = [];

    /// <summary>Words that start a new clause ("and", "just"): a clause saying the cat is well ends there.</summary>
    public List<string> ClauseBreaks { get; set; } = [];
}

/// <summary>
/// A what-if health question: a sentence asking with a word of <see cref="Conditionals"/> ("if") before the sign, or a
/// message with a pattern of <see cref="Markers"/> ("asking in advance", "it hasn't happened"); never when the message
/// has a word of <see cref="Present"/> ("now", "since", "keeps"): then it is happening.
/// </summary>
public sealed class WhatIfWords
{
    public List<string> Markers { get; set; } = [];
    public List<string> Conditionals { get; set; } = [];
    public List<string> Present { get; set; } = [];

    /// <summary>Past forms ("ate", "fell"; any word in -ed too) that, after "if", tell it has happened: "is it bad if she ate chocolate?".</summary>
    public List<string> Happened { get; set; } = [];

    /// <summary>Said plainly, it has not happened ("it hasn't happened", "asking in advance"): during an alarm, it ends it.</summary>
    public List<string> NotHappening { get; set; } = [];

    /// <summary>After one of these a word told as done is a thing, not a deed ("if he drools a bit", "if she takes a fall").</summary>
    public List<string> Articles { get; set; } = [];

    /// <summary>Two words of a supposition, nothing done ("if he were to drool", "if she was to eat one").</summary>
    public List<string> Supposing { get; set; } = [];
}
