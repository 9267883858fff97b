using Newtonsoft.Json;

namespace LeashBot.Content;

// The shape of dialogs/reading.json. Every property is required unless it is nullable; the loader rejects unknown
// properties so a typo in a key is reported instead of silently ignored.

/// <summary>
/// The word lists a message is read with (dialogs/reading.json): negation, pronouns, chat that isn't a
/// question, what can't be a cat's name, and the other languages owners write in. Data, not wording.
/// </summary>
public sealed class ReadingContent
{
    [JsonProperty(Required = Required.Always)] public List<string> Negations { get; set; } = [];

    /// <summary>How many words after "not" it still flips ("not at all relaxed").</summary>
    [JsonProperty(Required = Required.Always)] public int NegationReach { get; set; }

    /// <summary>Words that start a new question inside one sentence ("..., also she hisses").</summary>
    [JsonProperty(Required = Required.Always)] public List<string> ClauseBreaks { get; set; } = [];
    [JsonProperty(Required = Required.Always)] public Dictionary<string, List<string>> Pronouns { get; set; } = [];
    [JsonProperty(Required = Required.Always)] public SocialWords Social { get; set; } = new();
    /// <summary>Phrases that look like a mood word but aren't one ("a bit" is not "bit").</summary>
    [JsonProperty(Required = Required.Always)] public List<string> NotMoods { get; set; } = [];
    [JsonProperty(Required = Required.Always)] public List<string> NonNames { get; set; } = [];
    [JsonProperty(Required = Required.Always)] public List<string> NameLeadIns { get; set; } = [];

    /// <summary>Words that open a description after "he's", "she's" ("hes a nutter", "she's such a diva"): no name follows.</summary>
    [JsonProperty(Required = Required.Always)] public List<string> DescriptionStarts { get; set; } = [];

    /// <summary>Words before a cat's name in a question ("is Milo ready?").</summary>
    [JsonProperty(Required = Required.Always)] public List<string> NameQuestionSlots { get; set; } = [];

    /// <summary>Words after a cat's name in a question ("is milo ready", "can biscuit learn").</summary>
    [JsonProperty(Required = Required.Always)] public List<string> NameQuestionEnds { get; set; } = [];
    [JsonProperty(Required = Required.Always)] public StepWords StepWords { get; set; } = new();
    [JsonProperty(Required = Required.Always)] public Dictionary<string, int> NumberWords { get; set; } = [];
    [JsonProperty(Required = Required.Always)] public List<LanguageWords> Languages { get; set; } = [];

    /// <summary>Words right before a cat's name in any sentence ("my cat luna keeps freezing", "start training pepper").</summary>
    [JsonProperty(Required = Required.Always)] public List<string> NameSlots { get; set; } = [];

    /// <summary>Words that mark a message as fixing the last session ("sorry, that was pepper", "i meant 15 not 50").</summary>
    [JsonProperty(Required = Required.Always)] public List<string> Corrections { get; set; } = [];

    /// <summary>Words that point at the last session when its cat is corrected ("that was pepper", "the last session was pepper").</summary>
    [JsonProperty(Required = Required.Always)] public List<string> SessionPointers { get; set; } = [];

    /// <summary>Words for the day before today ("that was yesterday actually" moves the session just logged there).</summary>
    [JsonProperty(Required = Required.Always)] public List<string> DayBefore { get; set; } = [];

    /// <summary>Words that tell of a new session ("did another one today"): such a message reports one, it never fixes the last.</summary>
    [JsonProperty(Required = Required.Always)] public List<string> NewSessionWords { get; set; } = [];

    /// <summary>Words a number after them counts rather than times ("day 2", "week 3"): never a session's new length.</summary>
    [JsonProperty(Required = Required.Always)] public List<string> NumberedThings { get; set; } = [];

    /// <summary>Words a statement may end on to ask for a nod ("step 1 is done, right?"): it still tells.</summary>
    [JsonProperty(Required = Required.Always)] public List<string> ConfirmTags { get; set; } = [];

    /// <summary>Words for cats and for other animals: a question about another animal alone is not the bot's, one that brings in the cat is.</summary>
    [JsonProperty(Required = Required.Always)] public AnimalWords Animals { get; set; } = new();

    /// <summary>Words that make one session report about every cat ("did both, 4 min each").</summary>
    [JsonProperty(Required = Required.Always)] public List<string> EachCat { get; set; } = [];

    /// <summary>Words after a bare number that make it each cat's length in minutes ("5 each").</summary>
    [JsonProperty(Required = Required.Always)] public List<string> EachLength { get; set; } = [];

    /// <summary>"both of them", "the two of them": two cats, which with three or more cats is asked.</summary>
    [JsonProperty(Required = Required.Always)] public List<string> TwoCats { get; set; } = [];
    [JsonProperty(Required = Required.Always)] public List<string> NameListJoins { get; set; } = [];

    /// <summary>Words that say the cat's current step is done ("step 1 is done", "we got the harness").</summary>
    [JsonProperty(Required = Required.Always)] public List<string> StepDone { get; set; } = [];

    /// <summary>Words that put a cat on a step the owner names ("she's already on step 8", "set her to step 8").</summary>
    [JsonProperty(Required = Required.Always)] public List<string> StepSet { get; set; } = [];

    /// <summary>Words that ask to jump ahead in the plan ("can i skip to going outside?").</summary>
    [JsonProperty(Required = Required.Always)] public List<string> StepSkip { get; set; } = [];

    /// <summary>How owners tell the bot to change (or keep) a cat's step and its sessions.</summary>
    [JsonProperty(Required = Required.Always)] public StepCommandWords StepCommands { get; set; } = new();

    /// <summary>How a message is read for the one command it gives (see CommandReader).</summary>
    [JsonProperty(Required = Required.Always)] public CommandReadingWords CommandReading { get; set; } = new();

    /// <summary>Lead-ins ordinary words follow as often as names ("it's late", "i have 2 cats"): the name after one must look like a name.</summary>
    [JsonProperty(Required = Required.Always)] public List<string> LooseNameLeadIns { get; set; } = [];

    /// <summary>Lead-ins that name the cat being talked about ("her name is Mochi"): with one cat known, they rename it.</summary>
    [JsonProperty(Required = Required.Always)] public List<string> SingleCatNameLeadIns { get; set; } = [];

    /// <summary>Words that rename the cat being talked about ("call her Mochi").</summary>
    [JsonProperty(Required = Required.Always)] public List<string> RenameLeadIns { get; set; } = [];

    /// <summary>Words that make a name a correction of the cat's name ("no, it's Mochi", "her name is actually Nori").</summary>
    [JsonProperty(Required = Required.Always)] public List<string> NameFixWords { get; set; } = [];

    /// <summary>Words that make a name a further cat, never a rename ("my other cat is called Pepper").</summary>
    [JsonProperty(Required = Required.Always)] public List<string> AnotherCatWords { get; set; } = [];

    /// <summary>Ordinary words that are no cat's name after a loose lead-in or in passing ("it's late").</summary>
    [JsonProperty(Required = Required.Always)] public List<string> EverydayWords { get; set; } = [];

    /// <summary>Common Spanish verb forms, never a cat's name ("mi gato tomo agua").</summary>
    public List<string> SpanishVerbForms { get; set; } = [];

    /// <summary>Red-flag knowledge lists and word groups (medicines, Spanish poison words) whose words are never a cat's name unless the red flags' namesToo lists them.</summary>
    public List<string> NotNamesFromRedFlags { get; set; } = [];

    /// <summary>Chat shorthand that is never a cat's name ("rn", "tbh").</summary>
    [JsonProperty(Required = Required.Always)] public List<string> ChatShorthand { get; set; } = [];

    /// <summary>What makes a message a request to delete the owner's data.</summary>
    [JsonProperty(Required = Required.Always)] public ForgetMeWords ForgetMe { get; set; } = new();

    /// <summary>Half answers to "Did that help?" ("kinda", "a bit"): another idea follows, as after a no.</summary>
    [JsonProperty(Required = Required.Always)] public List<string> Hedges { get; set; } = [];

    /// <summary>Words around a number given as a session's length ("idk like 5?"): the number alone is minutes.</summary>
    [JsonProperty(Required = Required.Always)] public List<string> LengthHedges { get; set; } = [];

    /// <summary>What the semantic reader reads an owner's cat's name as ("any tips for milo"): never a story cat's cue.</summary>
    [JsonProperty(Required = Required.Always)] public string CatNameStandIn { get; set; } = "";

    /// <summary>Asking where to get gear ("where can i buy one"): the gear advice, then who sells it.</summary>
    [JsonProperty(Required = Required.Always)] public List<string> WhereToBuy { get; set; } = [];

    /// <summary>"like i said", "i told you": a session reported again, never counted twice.</summary>
    [JsonProperty(Required = Required.Always)] public List<string> SessionToldAgain { get; set; } = [];

    /// <summary>"i said it already", "ya te dije": around an answer to the name question, never part of the name.</summary>
    [JsonProperty(Required = Required.Always)] public List<string> AlreadySaid { get; set; } = [];

    /// <summary>Words a question opens with: a message with one opening a clause (or a "?") is never a session report.</summary>
    [JsonProperty(Required = Required.Always)] public List<string> QuestionOpeners { get; set; } = [];

    /// <summary>Replies that decline a pending question ("no session today", "nada").</summary>
    [JsonProperty(Required = Required.Always)] public List<string> Declines { get; set; } = [];

    /// <summary>Questions whether a cat is on a step ("is SHE on it"), with {cat} for the cat's name or a pronoun.</summary>
    [JsonProperty(Required = Required.Always)] public List<string> StatusQuestions { get; set; } = [];

    /// <summary>Words that may follow a status question's words when it is about a step ("is she on step 2", "is he on it yet").</summary>
    [JsonProperty(Required = Required.Always)] public List<string> StatusAboutAStep { get; set; } = [];

    /// <summary>Words that stand for all the owner's cats in a status question ("what step r they both on").</summary>
    [JsonProperty(Required = Required.Always)] public List<string> StatusGroupWords { get; set; } = [];

    /// <summary>How long a cat stays on a step ("how many days on step 3", "thats what we just did, can we try putting it on").</summary>
    [JsonProperty(Required = Required.Always)] public StepPaceWords StepPace { get; set; } = new();

    /// <summary>A length of time asked about, not reported ("shes had it on 2 hours, too long?").</summary>
    [JsonProperty(Required = Required.Always)] public LengthQuestionWords LengthQuestions { get; set; } = new();

    /// <summary>A cat said to have fewer sessions than logged ("only 1 session not 3 u doubled it up").</summary>
    [JsonProperty(Required = Required.Always)] public SessionCountWords SessionCount { get; set; } = new();

    /// <summary>How a message asks to take cats off the owner's list, or to see the list.</summary>
    [JsonProperty(Required = Required.Always)] public CatRemovalWords CatRemoval { get; set; } = new();

    /// <summary>Replies that leave any pending question ("stop", "nvm", "i didn't ask for that"); a plain no still answers a yes/no question.</summary>
    [JsonProperty(Required = Required.Always)] public List<string> LeaveQuestion { get; set; } = [];

    /// <summary>Words that say a struggle is happening now ("rn", "ran off", "is under"): its in-the-moment steps come first.</summary>
    [JsonProperty(Required = Required.DisallowNull)] public List<string> HappeningNow { get; set; } = [];

    /// <summary>Per language code, answer words and their English reading ("10 minutos", "sí"), for pending questions.</summary>
    [JsonProperty(Required = Required.Always)] public Dictionary<string, Dictionary<string, string>> AnswerWords { get; set; } = [];

    /// <summary>Words between a rename lead-in and the new name ("change her name to Mochi", "call it Mochi").</summary>
    [JsonProperty(Required = Required.Always)] public List<string> RenameSkips { get; set; } = [];

    /// <summary>Words before a question opener that still let it open the clause ("so should i...", "and is that later").</summary>
    [JsonProperty(Required = Required.Always)] public List<string> QuestionLeads { get; set; } = [];

    /// <summary>Words right before a pronoun word that make it said outright ("he's a boy", "es una hembra").</summary>
    [JsonProperty(Required = Required.Always)] public List<string> PronounStatedAfter { get; set; } = [];

    /// <summary>Words that end a name after a lead-in ("her name is mochi not moshi", "called pip and she's 2").</summary>
    [JsonProperty(Required = Required.Always)] public List<string> NameEnds { get; set; } = [];

    /// <summary>After a number word, words that make it a session's length ("more like three not five", "two or three").</summary>
    [JsonProperty(Required = Required.Always)] public List<string> LengthAfterNumberWord { get; set; } = [];

    /// <summary>Words long enough to count that say nothing about what a follow-up asks ("like the 2 finger thing").</summary>
    [JsonProperty(Required = Required.Always)] public List<string> CommonWords { get; set; } = [];
}

/// <summary>Words that say a cat has fewer sessions than were logged ("only 1 session not 3 u doubled it up").</summary>
public sealed class SessionCountWords
{
    [JsonProperty(Required = Required.Always)] public List<string> SessionWords { get; set; } = [];
    [JsonProperty(Required = Required.Always)] public List<string> DoubledWords { get; set; } = [];
    [JsonProperty(Required = Required.Always)] public List<string> OnlyWords { get; set; } = [];
}

/// <summary>Words that take a cat off the owner's list ("delete em", "4yo isn't a cat", "mango is my only cat") or ask to see it.</summary>
public sealed class CatRemovalWords
{
    [JsonProperty(Required = Required.Always)] public List<string> RemoveWords { get; set; } = [];

    /// <summary>One word that asks to take off the cat just spoken about ("bórralo").</summary>
    [JsonProperty(Required = Required.Always)] public List<string> RemoveThisCat { get; set; } = [];
    [JsonProperty(Required = Required.Always)] public List<string> NotACat { get; set; } = [];
    [JsonProperty(Required = Required.Always)] public List<string> OnlyCats { get; set; } = [];
    [JsonProperty(Required = Required.Always)] public List<string> BetweenNames { get; set; } = [];
    [JsonProperty(Required = Required.Always)] public List<string> OtherThings { get; set; } = [];
    [JsonProperty(Required = Required.Always)] public List<string> ListCats { get; set; } = [];

    /// <summary>Words right after a removing word that point back rather than name a cat ("pls delete that", "forget it").</summary>
    [JsonProperty(Required = Required.Always)] public List<string> Pointers { get; set; } = [];

    /// <summary>Words after a removing word that name no one ("delete all", "remove everything").</summary>
    [JsonProperty(Required = Required.Always)] public List<string> Unnamed { get; set; } = [];

    /// <summary>Words that stand with a cat word ("the two of them", "my only real cat"): they may come between "only have" and the names it keeps.</summary>
    [JsonProperty(Required = Required.Always)] public List<string> WithCatWords { get; set; } = [];

    /// <summary>Besides the cat words, what a sentence about the list of cats names ("remove Rufus from my list").</summary>
    [JsonProperty(Required = Required.Always)] public List<string> ListNouns { get; set; } = [];

    /// <summary>A removing word that names none of the cats asks which one when one of these stands in the sentence ("delete one of my cats").</summary>
    [JsonProperty(Required = Required.Always)] public List<string> WhichCat { get; set; } = [];

    /// <summary>A name right before one of these and an "only" phrase is kept ("mango is my only cat").</summary>
    [JsonProperty(Required = Required.Always)] public List<string> KeptBefore { get; set; } = [];
}

/// <summary>A request to delete the owner's data: an erasing verb and the owner's data, and not a question about something deleted.</summary>
public sealed class ForgetMeWords
{
    [JsonProperty(Required = Required.Always)] public List<string> Verbs { get; set; } = [];
    [JsonProperty(Required = Required.Always)] public List<string> Data { get; set; } = [];
    [JsonProperty(Required = Required.Always)] public List<string> AskingAbout { get; set; } = [];
}

public sealed class SocialWords
{
    [JsonProperty(Required = Required.Always)] public List<string> Acknowledgements { get; set; } = [];
    [JsonProperty(Required = Required.Always)] public List<string> Thanks { get; set; } = [];
    [JsonProperty(Required = Required.Always)] public List<string> Laughter { get; set; } = [];
    [JsonProperty(Required = Required.Always)] public List<string> Goodbyes { get; set; } = [];
    [JsonProperty(Required = Required.Always)] public List<string> Done { get; set; } = [];

    /// <summary>"brb", "one sec", "hold on": a moment away, not a goodbye.</summary>
    [JsonProperty(Required = Required.Always)] public List<string> Pauses { get; set; } = [];

    /// <summary>"hey its me again", "im back": an owner coming back to the chat.</summary>
    [JsonProperty(Required = Required.Always)] public List<string> Returns { get; set; } = [];
}

/// <summary>Animal words the reader tells apart (dialogs/reading.json, "animals").</summary>
public sealed class AnimalWords
{
    /// <summary>Words that name a cat ("cat", "kitten", "kitty").</summary>
    [JsonProperty(Required = Required.Always)] public List<string> Cats { get; set; } = [];

    /// <summary>Other animals, one or two words each ("dog", "guinea pig").</summary>
    [JsonProperty(Required = Required.Always)] public List<string> Others { get; set; } = [];
}

/// <summary>Words that decide whether a part of a message gives a command or only talks about one.</summary>
public sealed class CommandReadingWords
{
    /// <summary>"u said", "she told me": a command word after one is quoted, not given.</summary>
    [JsonProperty(Required = Required.Always)] public List<string> Reported { get; set; } = [];

    /// <summary>"i said undo": the owner repeating their own command.</summary>
    [JsonProperty(Required = Required.Always)] public List<string> OwnVoice { get; set; } = [];

    /// <summary>"no", "ugh": words that open a part without being part of it.</summary>
    [JsonProperty(Required = Required.Always)] public List<string> Interjections { get; set; } = [];

    /// <summary>"if i undo it": a what-if gives no command.</summary>
    [JsonProperty(Required = Required.Always)] public List<string> Hypothetical { get; set; } = [];

    /// <summary>"did", "is": with a subject after it, the part opens a yes/no question.</summary>
    [JsonProperty(Required = Required.Always)] public List<string> Auxiliaries { get; set; } = [];

    /// <summary>"u", "she": a subject right after an auxiliary.</summary>
    [JsonProperty(Required = Required.Always)] public List<string> Subjects { get; set; } = [];

    /// <summary>"can you", "pls": a request worded as a question.</summary>
    [JsonProperty(Required = Required.Always)] public List<string> PoliteOpeners { get; set; } = [];

    /// <summary>"where", "why": before a command word, the part asks about it.</summary>
    [JsonProperty(Required = Required.Always)] public List<string> AskingWords { get; set; } = [];

    /// <summary>Where a sentence splits into parts read on their own ("but", "tho").</summary>
    [JsonProperty(Required = Required.Always)] public List<string> PartBreaks { get; set; } = [];

    /// <summary>Units that make a number a length of time.</summary>
    [JsonProperty(Required = Required.Always)] public List<string> TimeUnits { get; set; } = [];

    /// <summary>"half an hour", "a few minutes": a length without a number.</summary>
    [JsonProperty(Required = Required.Always)] public List<string> TimeAmounts { get; set; } = [];

    /// <summary>"log", "record": a session to log, even without a length.</summary>
    [JsonProperty(Required = Required.Always)] public List<string> LogCommands { get; set; } = [];

    /// <summary>"we did", "log": a session done, or one to log.</summary>
    [JsonProperty(Required = Required.Always)] public List<string> LogWords { get; set; } = [];

    /// <summary>"that 5 min one": words pointing at a session already logged.</summary>
    [JsonProperty(Required = Required.Always)] public List<string> Pointers { get; set; } = [];

    /// <summary>Pronoun words and the cat pronoun ("he" or "she") they stand for.</summary>
    [JsonProperty(Required = Required.Always)] public Dictionary<string, string> Pronouns { get; set; } = [];
}


/// <summary>Words of the commands that change a cat's step or its sessions ("keep him on 4", "put her back on 2", "undo").</summary>
public sealed class StepCommandWords
{
    /// <summary>"keep him on 4", "stay on this step": the cat stays, or goes to the step named.</summary>
    [JsonProperty(Required = Required.Always)] public List<string> Keep { get; set; } = [];

    /// <summary>"put her on 2", "move him to step 5": the cat goes to the step named after them.</summary>
    [JsonProperty(Required = Required.Always)] public List<string> Move { get; set; } = [];

    /// <summary>"dont move him": right before a command word (or one word before it), the command is forbidden.</summary>
    [JsonProperty(Required = Required.Always)] public List<string> Forbid { get; set; } = [];

    /// <summary>"keep him where he is", "stay on this step": after a keep word, the cat stays at its step.</summary>
    [JsonProperty(Required = Required.Always)] public List<string> KeepAt { get; set; } = [];

    /// <summary>"move him on", "ready for the next step": the owner wants the cat to move on.</summary>
    [JsonProperty(Required = Required.Always)] public List<string> MoveOn { get; set; } = [];

    /// <summary>"back a step", "go back": with a command, one step back.</summary>
    [JsonProperty(Required = Required.Always)] public List<string> Back { get; set; } = [];

    /// <summary>"can you", "pls": a question that is really a request.</summary>
    [JsonProperty(Required = Required.Always)] public List<string> Polite { get; set; } = [];

    /// <summary>"why", "will you": before the command word, the sentence asks about a step rather than changing it.</summary>
    [JsonProperty(Required = Required.Always)] public List<string> Asking { get; set; } = [];

    /// <summary>Words that come after a number that is not a step ("10 min", "2 times").</summary>
    [JsonProperty(Required = Required.Always)] public List<string> NotStepAfter { get; set; } = [];

    /// <summary>Words that join a number to a time word before it ("another day or 2", "a week to 10"): it counts time, it names no step.</summary>
    [JsonProperty(Required = Required.Always)] public List<string> SpanJoins { get; set; } = [];

    /// <summary>"undo", "put it back", "undo that delete": reverse the last change.</summary>
    [JsonProperty(Required = Required.Always)] public List<string> Undo { get; set; } = [];

    /// <summary>"delete the 10 min session", "remove the last one": take a session out.</summary>
    [JsonProperty(Required = Required.Always)] public List<string> Delete { get; set; } = [];

    /// <summary>"same session", "that was the same one": the last report repeated the session before it.</summary>
    [JsonProperty(Required = Required.Always)] public List<string> SameSession { get; set; } = [];

    /// <summary>Words that point at a session rather than a step ("change the step 1 session to 10 min").</summary>
    [JsonProperty(Required = Required.Always)] public List<string> SessionWords { get; set; } = [];
}

public sealed class StepWords
{
    [JsonProperty(Required = Required.Always)] public List<string> Step { get; set; } = [];
    [JsonProperty(Required = Required.Always)] public List<string> After { get; set; } = [];
    [JsonProperty(Required = Required.Always)] public List<string> Before { get; set; } = [];

    /// <summary>Words that name a step by its number ("step 5", "stage 2"), unlike a "front step".</summary>
    [JsonProperty(Required = Required.Always)] public List<string> Numbered { get; set; } = [];
}

/// <summary>A language LeashBot recognizes but doesn't speak: words only that language uses, and common ones.</summary>
public sealed class LanguageWords
{
    [JsonProperty(Required = Required.Always)] public string Code { get; set; } = "";
    [JsonProperty(Required = Required.Always)] public List<string> Strong { get; set; } = [];
    [JsonProperty(Required = Required.Always)] public List<string> Words { get; set; } = [];
}

/// <summary>Questions how long a cat stays on a step: asked of a step named, or of the cat's own step.</summary>
public sealed class StepPaceWords
{
    [JsonProperty(Required = Required.Always)] public List<string> Asks { get; set; } = [];
    [JsonProperty(Required = Required.Always)] public List<string> MovingOn { get; set; } = [];
    [JsonProperty(Required = Required.Always)] public List<string> OwnStep { get; set; } = [];
}

/// <summary>Words that make a length of time a question: with a question mark, or comparing two lengths.</summary>
public sealed class LengthQuestionWords
{
    [JsonProperty(Required = Required.Always)] public List<string> Asks { get; set; } = [];
    [JsonProperty(Required = Required.Always)] public List<string> Compares { get; set; } = [];

    /// <summary>Units of length ("whats that in cm"): a leash's length asked in other units.</summary>
    [JsonProperty(Required = Required.Always)] public List<string> Units { get; set; } = [];

    /// <summary>Words that make "5m" a leash's length in metres, never five minutes.</summary>
    [JsonProperty(Required = Required.Always)] public List<string> LeashWords { get; set; } = [];
}
