using System.Globalization;
using System.Text;
using LeashBot.Content;
using LeashBot.Dialogs;
using LeashBot.State;
using Microsoft.Bot.Builder;

namespace LeashBot.Understanding;

/// <summary>
/// Reads a message once into a <see cref="MessageReading"/>: topics (whole message and clause by clause),
/// the owner's cats it means, durations, step numbers, mood with negation, chat acts, names and language.
/// Word lists come from dialogs/reading.json, plan.json (mood words) and messages.json (commands). Built
/// once; thread-safe.
/// </summary>
public sealed partial class MessageReader
{
    private const string TurnStateKey = "LeashBot.MessageReadings";
    private const int MaxQuestions = 3;
    private const int MoodGap = 2;
    private const int GoodbyeTail = 6;
    private const int GoalWordsForAStep = 2;
    private const int MinClauseQuestionWords = 3;

    private readonly TopicRecognizer _recognizer;
    private readonly TextRecognizers _numbers;
    private readonly ReadingContent _words;
    private readonly Dictionary<string, string> _contractions;
    private readonly HashSet<string> _negations;
    private readonly HashSet<string> _fillers;
    private readonly HashSet<string> _stopWords;
    private readonly (int Number, HashSet<string> Title, HashSet<string> Goal)[] _steps;
    private readonly PhraseIndex<bool> _clauseBreaks = new([]);
    private readonly PhraseIndex<Mood> _moodPhrases;
    private readonly PhraseIndex<bool> _notMoods;
    private readonly HashSet<string> _politeness;
    private readonly Dictionary<string, Command> _commands;
    private readonly int _longestCommand;
    private readonly PhraseIndex<SocialAct> _social;
    private readonly Dictionary<string, string> _pronouns;
    private readonly NameRules _names;
    private readonly (string Code, string[][] Strong, HashSet<string> Words)[] _languages;
    private readonly HashSet<string> _strongFirstWords;
    private readonly HashSet<string> _stepWords;
    private readonly HashSet<string> _afterWords;
    private readonly HashSet<string> _beforeWords;
    private readonly SemanticDecision? _semantic;
    private readonly PhraseIndex<bool> _animals;
    private readonly LearnedTopics? _learned;
    private readonly PhraseIndex<bool> _declines;
    private readonly HashSet<string> _chatWords;
    private readonly HashSet<string> _questionOpeners;
    private readonly PhraseIndex<bool> _eraseVerbs;
    private readonly PhraseIndex<bool> _ownerData;
    private readonly PhraseIndex<bool> _askingAboutErasing;

    /// <param name="semantic">The semantic reader's decision, or null to read with the word lists alone.</param>
    /// <param name="learned">Phrasings staff labelled in the console, which win over the reading of a message like them.</param>
    public MessageReader(TopicRecognizer recognizer, TextRecognizers numbers, BotContent content, SemanticDecision? semantic = null, LearnedTopics? learned = null)
    {
        ArgumentNullException.ThrowIfNull(recognizer);
        ArgumentNullException.ThrowIfNull(numbers);
        ArgumentNullException.ThrowIfNull(content);
        _recognizer = recognizer;
        _numbers = numbers;
        _semantic = semantic;
        _learned = learned;
        _words = content.Reading;
        var global = content.Understanding.Global;
        _contractions = new Dictionary<string, string>(global.Contractions, StringComparer.Ordinal);
        // As listed, not expanded: "wasnt" in the list must not make "was" a negation ("wasn't" in a message becomes "was not").
        _negations = [.. _words.Negations.Select(n => n.Trim().ToLowerInvariant())];
        _stopWords = [.. global.StopWords.Select(w => w.ToLowerInvariant())];
        _steps = [.. content.Plan.Steps.Select(st => (st.Number, Title: StemSet(st.Title), Goal: StemSet(st.Goal)))];
        _fillers = [.. global.FillerWords.Select(w => w.ToLowerInvariant())];

        // "menu pls", "help please": politeness around a command (fillers, and shorthand that means one) keeps it a command.
        _politeness = [.. _fillers, .. global.Shorthand.Where(kv => _fillers.Contains(kv.Value)).Select(kv => kv.Key)];
        _clauseBreaks = Index(_words.ClauseBreaks);

        // Mood phrases are stemmed here, once; a message's words are stemmed as it is read, known words from a table.
        var moods = content.Plan.MoodWords;
        (string[] Stems, Mood Mood)[] moodPhrases =
        [
            .. moods.Stressed.Select(p => (Stems(p), Mood.Stressed)),
            .. moods.Unsure.Select(p => (Stems(p), Mood.Unsure)),
            .. moods.Relaxed.Select(p => (Stems(p), Mood.Relaxed)),
        ];
        _moodPhrases = new(moodPhrases.OrderByDescending(p => p.Stems.Length));
        _notMoods = new(_words.NotMoods.Select(p => (Stems(p), true)));

        var commands = content.Messages.Commands;
        _commands = new Dictionary<string, Command>(StringComparer.Ordinal);
        foreach (var (phrases, command) in new[] { (commands.Help, Command.Help), (commands.Cancel, Command.Cancel), (commands.Menu, Command.Menu), (commands.StartOver, Command.StartOver) })
        {
            foreach (var phrase in phrases.Select(p => string.Join(' ', Words(p))).Where(p => p.Length > 0))
            {
                _commands.TryAdd(phrase, command);
            }
        }

        _longestCommand = _commands.Keys.Max(k => k.Split(' ').Length);

        // "?" alone is a help command; it has no words, so it is looked up as typed.
        foreach (var phrase in commands.Help.Where(p => Words(p).Count == 0))
        {
            _commands.TryAdd(phrase.Trim(), Command.Help);
        }

        var social = _words.Social;
        (string[] Words, SocialAct Act)[] socialPhrases =
        [
            .. social.Done.Select(p => (Words(p).ToArray(), SocialAct.Goodbye)),
            .. social.Goodbyes.Select(p => (Words(p).ToArray(), SocialAct.Goodbye)),
            .. social.Thanks.Select(p => (Words(p).ToArray(), SocialAct.Thanks)),
            .. social.Laughter.Select(p => (Words(p).ToArray(), SocialAct.Laughter)),
            .. social.Acknowledgements.Select(p => (Words(p).ToArray(), SocialAct.Acknowledgement)),
        ];
        _social = new(socialPhrases.OrderByDescending(s => s.Words.Length));

        _pronouns = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (pronoun, forms) in _words.Pronouns)
        {
            // "he's" is read as "he is": the pronoun is its first word.
            foreach (var form in forms.Select(f => Words(f).FirstOrDefault()).OfType<string>())
            {
                _pronouns.TryAdd(form, pronoun);
            }
        }

        _languages = [.. _words.Languages.Select(l => (l.Code, l.Strong.Select(p => Words(p).ToArray()).Where(p => p.Length > 0).ToArray(), l.Words.ToHashSet(StringComparer.Ordinal)))];
        _strongFirstWords = [.. _languages.SelectMany(l => l.Strong.Select(p => p[0]))];
        _stepWords = [.. _words.StepWords.Step];
        _afterWords = [.. _words.StepWords.After];
        _beforeWords = [.. _words.StepWords.Before];
        _names = new NameRules(_words, global, content.Plan.MoodWords, recognizer, Words);

        // true: a cat; false: another animal.
        _animals = new([.. _words.Animals.Cats.Select(a => (Words(a).ToArray(), true)), .. _words.Animals.Others.Select(a => (Words(a).ToArray(), false))]);
        _declines = Index(_words.Declines);
        _questionOpeners = [.. _words.QuestionOpeners];
        _chatWords = [.. _words.Social.Acknowledgements.Concat(_words.Social.Laughter).Where(p => !p.Contains(' ', StringComparison.Ordinal)).SelectMany(Words).Where(w => !_commands.ContainsKey(w))];
        _eraseVerbs = Index(_words.ForgetMe.Verbs);
        _ownerData = Index(_words.ForgetMe.Data);
        _askingAboutErasing = Index(_words.ForgetMe.AskingAbout);
    }

    /// <summary>A bracketed aside ("(she's 2)"), never part of a name.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"\([^)]*\)?")]
    private static partial System.Text.RegularExpressions.Regex Bracketed();

    /// <summary>The recognition with forget-me taken out: the next topic when one is left, else unsure.</summary>
    private static Recognition WithoutForgetMe(Recognition recognition)
    {
        if (recognition.TopicId != TopicIds.ForgetMe && !recognition.Candidates.Any(c => c.TopicId == TopicIds.ForgetMe))
        {
            return recognition;
        }

        var others = recognition.Candidates.Where(c => c.TopicId != TopicIds.ForgetMe).ToList();
        // Torn between forget-me and another topic, it was the other one.
        return recognition.TopicId != TopicIds.ForgetMe
            ? recognition with { Candidates = others, Kind = recognition.Kind == RecognitionKind.Ambiguous ? RecognitionKind.Confident : recognition.Kind }
            : others.Count > 0 && recognition.Kind == RecognitionKind.Ambiguous
                ? new Recognition(others[0].TopicId, others[0].Score, RecognitionKind.Confident, others)
                : new Recognition(null, others.Count > 0 ? others[0].Score : 0, RecognitionKind.Unsure, others);
    }

    private PhraseIndex<bool> Index(IEnumerable<string> phrases) =>
        new(phrases.Select(p => (Words(p).ToArray(), true)).OrderByDescending(p => p.Item1.Length));

    /// <summary>Most words a reply that declines a question has ("no we didnt do one today, maybe tomorrow").</summary>
    private const int LongestDecline = 10;

    /// <summary>"no session today", "nah skip it", "nada": a short message that opens by declining, or says it anywhere in more words.</summary>
    private bool DeclinesIn(List<string> words)
    {
        if (words.Count is 0 or > LongestDecline)
        {
            return false;
        }

        var first = words.FindIndex(w => !_fillers.Contains(w));
        if (first >= 0 && _declines.MatchAt(words, first) is not null)
        {
            return true;
        }

        for (var i = 0; i < words.Count; i++)
        {
            if (_declines.MatchAt(words, i) is { Words.Length: > 1 })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// "forget me", "delete everything you know about me": an erasing verb and the owner's data, the verb not denied
    /// ("don't delete everything"), not a question about something deleted ("did u delete the wrong ones?") and not
    /// about the cat forgetting ("is she gonna forget everything over the holidays?").
    /// </summary>
    private bool AsksToForgetOwner(List<string> words)
    {
        for (var i = 0; i < words.Count; i++)
        {
            if (_askingAboutErasing.MatchAt(words, i) is not null)
            {
                return false;
            }
        }

        for (var i = 0; i < words.Count; i++)
        {
            if (_eraseVerbs.MatchAt(words, i) is not { } verb || NegatedBefore(words, i))
            {
                continue;
            }

            for (var k = 0; k < words.Count; k++)
            {
                if ((k < i || k >= i + verb.Words.Length) && _ownerData.MatchAt(words, k) is not null)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The rules that say what can be a cat's name.</summary>
    public NameRules Names => _names;

    /// <summary>
    /// The reading of <paramref name="text"/> for this owner, read at most once per turn: later calls in the
    /// same turn (the hook, the router, a prompt's validator) get the same object.
    /// </summary>
    public MessageReading Read(ITurnContext turn, string text, OwnerProfile owner)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(owner);
        var cache = turn.TurnState.Get<Dictionary<string, MessageReading>>(TurnStateKey);
        if (cache is null)
        {
            cache = new Dictionary<string, MessageReading>(StringComparer.Ordinal);
            turn.TurnState.Set(TurnStateKey, cache);
        }

        // A cat added this turn changes what the same words mean ("is milo ready?" once Milo is known).
        var key = string.Join('\u0001', owner.Cats.Select(c => c.Name + "/" + c.Pronoun)) + '\u0002' + text;
        if (!cache.TryGetValue(key, out var reading))
        {
            cache[key] = reading = Read(text, owner.Cats);
        }

        return reading;
    }

    /// <summary>Reads a message with no turn around it (tests, benchmarks, the generalization sets).</summary>
    public MessageReading Read(string? text, IReadOnlyList<CatProfile>? cats = null)
    {
        text = (text ?? "").Trim();
        cats ??= [];
        var catNames = new string[cats.Count];
        for (var i = 0; i < cats.Count; i++)
        {
            catNames[i] = cats[i].Name;
        }

        var clauses = Clauses(text);
        var all = new List<string>(clauses.Sum(c => c.Count));
        foreach (var clause in clauses)
        {
            all.AddRange(clause);
        }

        var words = new List<string>(all.Count);
        foreach (var word in all)
        {
            if (word != ",")
            {
                words.Add(word);
            }
        }

        var recognition = _recognizer.Recognize(text, catNames);
        var clauseReadings = new List<ClauseReading>(clauses.Count);
        var questions = new List<string>();
        foreach (var clause in clauses)
        {
            var clauseText = clause.Contains(",") ? string.Join(' ', clause.Where(w => w != ",")) : string.Join(' ', clause);
            var r = clauses.Count == 1 ? recognition : _recognizer.Recognize(clauseText, catNames);
            var asks = OpensLikeAQuestion(clause) || (EndsWithQuestionMark(text, clause) && clause.Count(w => w != "," && !_fillers.Contains(w) && !_chatWords.Contains(w)) >= 2);
            clauseReadings.Add(new ClauseReading(clauseText, r, asks));

            // "he freezes at the front door. every time": two words that ask nothing are no question of their own.
            if (r.Kind == RecognitionKind.Confident && r.TopicId is { } topic && !IsChat(topic) && !questions.Contains(topic)
                && (asks || clause.Count(w => w != ",") >= MinClauseQuestionWords))
            {
                questions.Add(topic);
            }
        }

        if (questions.Count < 2)
        {
            questions.Clear();
        }

        var mentions = CatMentions(all, cats);
        var (pronoun, pronounCat) = PronounOf(words, cats);
        var (mood, negatedSpans) = MoodOf(clauses);
        var asksAQuestion = text.Contains('?', StringComparison.Ordinal) || clauses.Exists(OpensLikeAQuestion);
        var social = SocialOf(words, recognition, asksAQuestion);
        var duration = new Lazy<TimeSpan?>(() => text.Length == 0 ? null : _numbers.RecognizeDuration(text), LazyThreadSafetyMode.None);
        var stepNumber = StepNumberIn(words);

        // "tell me about step three": a step named in a message the recognizer can't place (or can't decide on)
        // is a question about that step.
        if (stepNumber is not null && (recognition.Kind is RecognitionKind.Unsure or RecognitionKind.OutOfScope
            || (recognition.Kind == RecognitionKind.Ambiguous && recognition.Candidates.Take(2).Any(c => c.TopicId == TopicIds.PlanStep))))
        {
            recognition = recognition with { TopicId = TopicIds.PlanStep, Kind = RecognitionKind.Confident };
        }

        var command = CommandIn(text, words);
        var language = LanguageOf(text, words);
        var yesNo = questions.Count > 0 ? null : YesNoOf(text, words);
        // "biscuit (2, v confident) and pepper (5, kinda nervous)": what is in brackets is about the cat, not its name.
        var nameClauses = text.Contains('(', StringComparison.Ordinal) ? Clauses(Bracketed().Replace(text, " ")) : clauses;
        var nameWords = NameWords(nameClauses);
        var newCatName = _names.NameIn(nameWords, catNames);
        var bareName = _names.BareName(nameWords, newCatName);
        // A length of time settles a report; a question with one that reads as a report or as nothing clear ("is 20
        // minutes a go too much for him?") is for the head.
        var settled = command != Command.None || language != "en" || social != SocialAct.None || stepNumber is not null
            || (yesNo is not null && words.Count <= 3) || bareName is not null || questions.Count > 1
            || (newCatName is not null && recognition.Kind != RecognitionKind.Confident)
            || !words.Exists(w => !char.IsAsciiDigit(w[0]))
            || (FitsASessionReport(recognition) && duration.Value is not null && !(asksAQuestion && ReportOrNothing(recognition)));
        if (_semantic is not null && !settled)
        {
            // Forget-me is a rule's to decide (below), never the word lists' certainty: "will she forget everything" is for the head.
            var decided = _semantic.Decide(text, WithoutForgetMe(recognition), AnimalsIn(words, mentions.Count > 0));

            // A message that names one of the owner's own cats is about that cat: the model's "not something I know" never
            // stands there ("how far along is Biscuit"); the word lists' reading does, or an honest "not sure".
            recognition = decided.Kind == RecognitionKind.OutOfScope && mentions.Count > 0
                ? recognition.Kind == RecognitionKind.OutOfScope ? new Recognition(null, 0, RecognitionKind.Unsure, decided.Candidates) : recognition
                : decided;
        }

        if (command == Command.None && _learned?.TopicOf(text, catNames) is { } learned)
        {
            recognition = new Recognition(learned, 1, learned == TopicIds.OutOfScope ? RecognitionKind.OutOfScope : RecognitionKind.Confident, recognition.Candidates);
        }

        // Deleting the owner's data takes a clear request about it: the word "delete" alone ("did u delete the wrong
        // ones?") is never one, and a clear request is one whatever the recognizer made of it.
        var forgetOwner = AsksToForgetOwner(words);
        recognition = forgetOwner ? new Recognition(TopicIds.ForgetMe, 1, RecognitionKind.Confident, [new TopicScore(TopicIds.ForgetMe, 1)])
            : WithoutForgetMe(recognition);
        if (!forgetOwner)
        {
            questions.Remove(TopicIds.ForgetMe);
            if (questions.Count < 2)
            {
                questions.Clear();
            }
        }

        // "hes not slipping out of anything tho": a struggle said not to happen is no question of the message.
        var denied = negatedSpans.Count == 0 ? [] : DeniedStruggles(negatedSpans, catNames);
        if (questions.RemoveAll(denied.Contains) > 0 && questions.Count < 2)
        {
            questions.Clear();
        }

        return new MessageReading
        {
            Text = text,
            Recognition = recognition,
            Clauses = clauseReadings,
            Questions = [.. questions.Take(MaxQuestions)],
            Command = command,
            Social = social,
            Cats = mentions,
            Pronoun = pronoun,
            PronounCat = pronounCat,
            DurationReading = duration,
            StepNumber = stepNumber,
            FitsASessionReport = FitsASessionReport(recognition),
            Mood = mood,
            NegatedSpans = negatedSpans,
            DeniedStruggles = denied,
            YesNo = yesNo,
            NewCatName = newCatName,
            BareName = bareName,
            NameAnswerReading = new Lazy<string?>(() => _names.NameAnswer(nameClauses.Where(c => !NamesAnotherAnimal(c))), LazyThreadSafetyMode.None),
            NewCatNames = _names.NamesListed(nameWords) is { Count: > 1 } listed ? listed : _names.NamesAfterCatWord(nameWords),
            Rename = _names.RenameIn(nameWords, catNames),
            FirmNewCatName = newCatName is null ? null : _names.FirmNameIn(nameWords, catNames),
            AsksAQuestion = asksAQuestion,
            Declines = DeclinesIn(words),
            AsksToForgetOwner = forgetOwner,
            Language = language,
            WordCount = words.Count,
        };
    }

    /// <summary>
    /// "ok so like... should i be bringing him near the door or is that later": a clause whose first word, after
    /// filler and chat ("ok so", "lol"), opens a question, with or without a "?"; "do not move him yet" tells, it
    /// doesn't ask.
    /// </summary>
    private bool OpensLikeAQuestion(List<string> clause)
    {
        var first = clause.FindIndex(w => w != "," && !_fillers.Contains(w) && !_chatWords.Contains(w) && w is not ("and" or "so" or "but"));
        return first >= 0 && _questionOpeners.Contains(clause[first]) && !(first + 1 < clause.Count && _negations.Contains(clause[first + 1]));
    }

    /// <summary>
    /// The words names are read from: a sentence about another animal ("we have a dog too, Biscuit, a lab", "Biscuit
    /// is my lab") is left out, so its name never becomes a cat's, and sentences are kept apart by a break, so a name
    /// never runs on into the next sentence ("her name is Mochi. Biscuit is...").
    /// </summary>
    private List<string> NameWords(List<List<string>> clauses)
    {
        if (clauses.Count == 1 && !NamesAnotherAnimal(clauses[0]))
        {
            return clauses[0];
        }

        var words = new List<string>();
        foreach (var clause in clauses.Where(c => !NamesAnotherAnimal(c)))
        {
            if (words.Count > 0)
            {
                words.Add(",");
            }

            words.AddRange(clause);
        }

        return words;
    }

    /// <summary>A sentence that names another animal and no cat.</summary>
    private bool NamesAnotherAnimal(IReadOnlyList<string> clause) => AnimalsIn([.. clause.Where(w => w != ",")], false) == Animals.Other;

    /// <summary>"hes not slipping out of anything tho": the struggles a negation says did not happen.</summary>
    private List<string> DeniedStruggles(List<string> negatedSpans, string[] catNames)
    {
        var denied = new List<string>();
        foreach (var span in negatedSpans)
        {
            if (_recognizer.Recognize(span, catNames) is { Kind: RecognitionKind.Confident, TopicId: { } topic } && topic.StartsWith("struggle.", StringComparison.Ordinal)
                && !denied.Contains(topic))
            {
                denied.Add(topic);
            }
        }

        return denied;
    }

    /// <summary>"can i walk them together eventually?": the clause's last word stands before a "?" in the message.</summary>
    private static bool EndsWithQuestionMark(string text, List<string> clause)
    {
        var last = clause.FindLast(w => w != "," && w.Any(char.IsLetterOrDigit));
        if (last is null)
        {
            return false;
        }

        return text.Contains(last + "?", StringComparison.OrdinalIgnoreCase) || text.Contains(last + " ?", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Which animals a message names by their words (the owner's own cats aside).</summary>
    public Animals AnimalsIn(string text) => AnimalsIn(Words(text), false);

    /// <summary>Which animals a message names: a cat (a cat word or one of the owner's cats) and any other animal ("my dog's lead").</summary>
    private Animals AnimalsIn(List<string> words, bool namesOwnCat)
    {
        var animals = namesOwnCat ? Animals.Cat : Animals.None;
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            var bare = word.EndsWith("'s", StringComparison.Ordinal) || word.EndsWith("’s", StringComparison.Ordinal) ? word[..^2] : word;
            var match = _animals.MatchAt(words, i) ?? (bare.Length != word.Length && bare.Length > 0 ? _animals.MatchAt([bare], 0) : null);
            if (match is not null)
            {
                animals |= match.Value ? Animals.Cat : Animals.Other;
            }
        }

        return animals;
    }

    /// <summary>The whole message as a command, politeness aside ("menu pls"); longer messages never are one.</summary>
    private Command CommandIn(string text, List<string> words)
    {
        if (words.Count == 0)
        {
            return _commands.TryGetValue("", out var none) ? none : _commands.TryGetValue(text, out var symbol) ? symbol : Command.None;
        }

        var meant = 0;
        foreach (var word in words)
        {
            meant += _politeness.Contains(word) ? 0 : 1;
        }

        if (meant <= _longestCommand && _commands.TryGetValue(string.Join(' ', words.Where(w => !_politeness.Contains(w))), out var command))
        {
            return command;
        }

        // "ah never mind", "ok cancel lol": chat words around a command keep it one.
        var bare = string.Join(' ', words.Where(w => !_politeness.Contains(w) && !_chatWords.Contains(w)));
        return bare.Length > 0 && words.Count <= _longestCommand + 2 && _commands.TryGetValue(bare, out var withChat) ? withChat : Command.None;
    }

    private static bool FitsASessionReport(Recognition recognition)
    {
        var topic = recognition.Kind is RecognitionKind.Confident or RecognitionKind.Ambiguous ? recognition.TopicId ?? "" : "";
        // "a 10 minute session tonight, she was calm" is a report, though its words are the session-length question's.
        return topic.Length == 0 || topic is TopicIds.PlanLog or TopicIds.BodyLanguage or TopicIds.PlanProgress or TopicIds.PlanNext or TopicIds.PlanStart or TopicIds.FaqSessionLength
            || topic.StartsWith("struggle.", StringComparison.Ordinal);
    }

    private static bool ReportOrNothing(Recognition recognition) =>
        recognition.Kind is not (RecognitionKind.Confident or RecognitionKind.Ambiguous) || recognition.TopicId is null or TopicIds.PlanLog or TopicIds.FaqSessionLength;

    private static bool IsChat(string topic) => topic is TopicIds.Greeting or TopicIds.Thanks or TopicIds.Help or TopicIds.OutOfScope;

    /// <summary>Lower-case words, contractions expanded ("wasn't" → "was not"), emoji as words, "," kept as a soft break.</summary>
    public List<string> Words(string? text) => [.. Clauses(text ?? "").SelectMany(c => c).Where(w => w != ",")];

    private string[] Stems(string phrase) => [.. Words(phrase).Select(EnglishStemmer.Stem)];

    private HashSet<string> StemSet(string text) => [.. Words(text.Replace("{cat}", " ", StringComparison.Ordinal)).Select(EnglishStemmer.Stem)];

    /// <summary>Splits at sentence ends and at words like "also" or "btw" that start a new question.</summary>
    private List<List<string>> Clauses(string text)
    {
        var clauses = new List<List<string>>();
        var current = new List<string>();
        var word = new StringBuilder();

        void EndWord()
        {
            if (word.Length == 0)
            {
                return;
            }

            var w = word.ToString();
            word.Clear();
            if (_contractions.TryGetValue(w, out var expanded))
            {
                current.AddRange(expanded.Split(' ', StringSplitOptions.RemoveEmptyEntries));
            }
            else
            {
                current.Add(w.Trim('\''));
            }
        }

        void EndClause()
        {
            EndWord();
            while (current.Count > 0 && current[^1] == ",")
            {
                current.RemoveAt(current.Count - 1);
            }

            if (current.Count > 0)
            {
                clauses.Add(current);
                current = [];
            }
        }

        // Text elements as slices of the text: a string per character made this most of what reading a message allocated.
        var normalized = text.Normalize(NormalizationForm.FormC);
        for (var at = 0; at < normalized.Length;)
        {
            var length = StringInfo.GetNextTextElementLength(normalized.AsSpan(at));
            var element = normalized.AsSpan(at, length);
            at += length;
            var ch = element[0];
            if (char.IsLetterOrDigit(ch) || (ChatLexer.IsApostrophe(ch) && word.Length > 0))
            {
                word.Append(ChatLexer.IsApostrophe(ch) ? '\'' : char.ToLowerInvariant(ch));
                if (element.Length > 1 && char.IsLetter(ch))
                {
                    word.Append(element[1..].ToString().ToLowerInvariant());
                }
            }
            else if (ChatLexer.IsSentenceEnd(ch))
            {
                EndClause();
            }
            else if (char.IsWhiteSpace(ch) || ChatLexer.IsApostrophe(ch) || ch is '-' or '"' or '(' or ')' or ':' or '/' or '*' or '~' or '_')
            {
                EndWord();
            }
            else if (ch is ',')
            {
                EndWord();
                if (current.Count > 0 && current[^1] != ",")
                {
                    current.Add(",");
                }
            }
            else
            {
                // An emoji or symbol is a word of its own ("ok 👍"); variation selectors are dropped.
                EndWord();
                var symbol = element.ToString().Replace("\uFE0F", "", StringComparison.Ordinal);
                if (symbol.Length > 0)
                {
                    current.Add(symbol);
                }
            }
        }

        EndClause();
        return SplitAtBreaks(clauses);
    }

    private List<List<string>> SplitAtBreaks(List<List<string>> clauses)
    {
        var result = new List<List<string>>(clauses.Count);
        foreach (var clause in clauses)
        {
            var start = 0;
            for (var i = 1; i < clause.Count; i++)
            {
                foreach (var (phrase, _, _) in _clauseBreaks.StartingWith(clause[i]))
                {
                    if (NameRules.StartsAt(clause, i, phrase) && i + phrase.Length < clause.Count && i > start)
                    {
                        result.Add(clause[start..i].Where(w => w != ",").ToList() is { Count: > 0 } part ? part : []);
                        start = i + phrase.Length;
                        i = start;
                        break;
                    }
                }
            }

            result.Add(clause[start..]);
        }

        result.RemoveAll(c => c.All(w => w == ","));
        return result;
    }

    private List<CatMention> CatMentions(List<string> words, IReadOnlyList<CatProfile> cats)
    {
        var found = new List<(int At, CatMention Mention)>();
        foreach (var cat in cats)
        {
            var name = NameWords(cat.Name);
            if (name.Length == 0)
            {
                continue;
            }

            var possessive = name[^1] + "'s";
            var plural = name[0] + "s";
            for (var i = 0; i + name.Length <= words.Count; i++)
            {
                var matches = SameWords(words, i, name)
                    || (name.Length == 1 && (SameName(words[i], possessive) || SameName(words[i], plural) && !cats.Any(c => OwnerProfile.SameName(c.Name, words[i]))));
                if (matches)
                {
                    // "pickle, not milo" / "not milo, pickle": the name right after a negation is the one it wasn't.
                    var negated = (i > 0 && _negations.Contains(words[i - 1])) || (i > 1 && words[i - 1] == "," && _negations.Contains(words[i - 2]));
                    found.Add((i, new CatMention(cat.Name, negated)));
                    break;
                }
            }

            if (name.Length == 1 && !found.Any(f => f.Mention.Name == cat.Name) && NearMention(words, cats, name[0]) is { } at)
            {
                var negated = (at > 0 && _negations.Contains(words[at - 1])) || (at > 1 && words[at - 1] == "," && _negations.Contains(words[at - 2]));
                found.Add((at, new CatMention(cat.Name, negated)));
            }
        }

        return found.Count switch
        {
            0 => [],
            1 => [found[0].Mention],
            _ => [.. found.OrderBy(f => f.At).Select(f => f.Mention)],
        };
    }

    /// <summary>Where the message types a slip of a cat's one-word name ("peper"): a word no other cat has and the content doesn't know.</summary>
    private int? NearMention(List<string> words, IReadOnlyList<CatProfile> cats, string name)
    {
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            if (NearName.IsSlipOf(word, name) && !_recognizer.Normalizer.IsKnownWord(word) && !cats.Any(c => OwnerProfile.SameName(c.Name, word)))
            {
                return i;
            }
        }

        return null;
    }

    /// <summary>A cat's name as the message's words would spell it; a plain one-word name without going through the tokenizer.</summary>
    private string[] NameWords(string name)
    {
        foreach (var ch in name)
        {
            if (!char.IsAsciiLetter(ch))
            {
                return [.. Words(name)];
            }
        }

        var lower = name.ToLowerInvariant();
        return name.Length == 0 ? [] : _contractions.ContainsKey(lower) ? [.. Words(name)] : [lower];
    }

    private static bool SameWords(List<string> words, int at, string[] name)
    {
        for (var k = 0; k < name.Length; k++)
        {
            if (!SameName(words[at + k], name[k]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// <see cref="OwnerProfile.SameName"/> (case and accents aside), with plain letters and digits compared
    /// without the culture: the same answer for them, without a culture-aware comparison per word.
    /// </summary>
    private static bool SameName(string a, string b)
    {
        return IsPlain(a) && IsPlain(b) ? string.Equals(a, b, StringComparison.OrdinalIgnoreCase) : OwnerProfile.SameName(a, b);

        static bool IsPlain(string s)
        {
            foreach (var ch in s)
            {
                if (!char.IsAsciiLetterOrDigit(ch))
                {
                    return false;
                }
            }

            return true;
        }
    }

    private (string? Pronoun, string? Cat) PronounOf(List<string> words, IReadOnlyList<CatProfile> cats)
    {
        string? pronoun = null;
        foreach (var word in words)
        {
            if (_pronouns.TryGetValue(word, out var seen))
            {
                if (pronoun is not null && pronoun != seen)
                {
                    return (null, null);
                }

                pronoun = seen;
            }
        }

        if (pronoun is null)
        {
            return (null, null);
        }

        string? fitting = null;
        foreach (var cat in cats)
        {
            if (cat.Pronoun == pronoun)
            {
                if (fitting is not null)
                {
                    return (pronoun, null);
                }

                fitting = cat.Name;
            }
        }

        return (pronoun, fitting);
    }

    /// <summary>
    /// The mood a report describes. Distress wins; "not relaxed" or "wasn't calm" is never relaxed (it reads
    /// as unsure); a negated distress word ("didn't hiss") says nothing either way, so the bot asks.
    /// </summary>
    private (MoodReading? Mood, List<string> NegatedSpans) MoodOf(List<List<string>> clauses)
    {
        var spans = new List<string>();
        var hits = new List<(Mood Mood, bool Negated)>();
        foreach (var clause in clauses)
        {
            var stems = new List<string>(clause.Count);
            foreach (var word in clause)
            {
                stems.Add(word == "," ? "," : _recognizer.Normalizer.StemOf(word));
            }

            for (var i = 0; i < clause.Count; i++)
            {
                if (_negations.Contains(clause[i]))
                {
                    var end = i + 1;
                    while (end < clause.Count && end <= i + _words.NegationReach && clause[end] != ",")
                    {
                        end++;
                    }

                    spans.Add(string.Join(' ', clause[i..end]));
                }
            }

            var covered = new bool[clause.Count];
            for (var i = 0; i < stems.Count; i++)
            {
                foreach (var (phrase, _, _) in _notMoods.StartingWith(stems[i]))
                {
                    if (NameRules.StartsAt(stems, i, phrase))
                    {
                        Array.Fill(covered, true, i, phrase.Length);
                    }
                }
            }

            // Longest phrases claim their words first, as if every phrase were tried in order over the whole clause.
            var starts = new List<(int Order, int At, string[] Phrase, Mood Mood)>();
            for (var i = 0; i < stems.Count; i++)
            {
                foreach (var (phrase, mood, order) in _moodPhrases.StartingWith(stems[i]))
                {
                    starts.Add((order, i, phrase, mood));
                }
            }

            starts.Sort((a, b) => a.Order != b.Order ? a.Order.CompareTo(b.Order) : a.At.CompareTo(b.At));
            foreach (var (_, i, phrase, mood) in starts)
            {
                if (covered[i])
                {
                    continue;
                }

                var end = MatchWithGaps(stems, i, phrase);
                if (end < 0)
                {
                    continue;
                }

                for (var k = i; k < end; k++)
                {
                    covered[k] = true;
                }

                hits.Add((mood, NegatedBefore(clause, i)));
            }
        }

        MoodReading? result =
            hits.Any(h => h is { Mood: Mood.Stressed, Negated: false }) ? new(Mood.Stressed, false)
            : hits.Any(h => h is { Mood: Mood.Relaxed, Negated: true }) ? new(Mood.Unsure, true)
            : hits.Any(h => h is { Mood: Mood.Unsure, Negated: false }) ? new(Mood.Unsure, false)
            : hits.Any(h => h is { Mood: Mood.Relaxed, Negated: false }) ? new(Mood.Relaxed, false)
            : null;
        return (result, spans);
    }

    /// <summary>The end of <paramref name="phrase"/> matched from <paramref name="start"/>, allowing short gaps ("flattening his ears"); -1 if not.</summary>
    private static int MatchWithGaps(List<string> stems, int start, string[] phrase)
    {
        var at = start;
        for (var k = 1; k < phrase.Length; k++)
        {
            var next = -1;
            for (var j = at + 1; j < stems.Count && j <= at + 1 + MoodGap && stems[j] != ","; j++)
            {
                if (stems[j] == phrase[k])
                {
                    next = j;
                    break;
                }
            }

            if (next < 0)
            {
                return -1;
            }

            at = next;
        }

        return at + 1;
    }

    private bool NegatedBefore(List<string> clause, int at)
    {
        for (var j = at - 1; j >= 0 && j >= at - _words.NegationReach; j--)
        {
            if (clause[j] is "," or "but")
            {
                return false;
            }

            if (_negations.Contains(clause[j]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Chat rather than a question: thanks, laughter, an acknowledgement, or a goodbye ("thanks, that's all
    /// for today", "gotta go feed these gremlins"). A goodbye has to open the message or follow other chat.
    /// </summary>
    private SocialAct SocialOf(List<string> words, Recognition recognition, bool asks)
    {
        if (words.Count == 0)
        {
            return SocialAct.None;
        }

        var covered = new bool[words.Count];
        var acts = new List<(SocialAct Act, int At)>();
        for (var i = 0; i < words.Count; i++)
        {
            if (_social.MatchAt(words, i) is { Words: var phrase, Value: var act })
            {
                acts.Add((act, i));
                for (var k = i; k < i + phrase.Length; k++)
                {
                    covered[k] = true;
                }

                i += phrase.Length - 1;
            }
        }

        if (acts.Count == 0)
        {
            return SocialAct.None;
        }

        var rest = 0;
        for (var i = 0; i < words.Count; i++)
        {
            rest += !covered[i] && !_fillers.Contains(words[i]) ? 1 : 0;
        }

        // "omg ty ur a star, gotta run and feed her, bye!!": a message that ends on a goodbye and asks nothing is one
        // ("we'll try again later" is not).
        // An "ok" at the start is no part of a goodbye: "ok so ... or is that later" ends on "later" and leaves nothing.
        if (!asks && acts[^1].Act == SocialAct.Goodbye && EndsWithChat(words, covered)
            && (acts.Count(a => a.Act != SocialAct.Acknowledgement) >= 2 || words[acts[^1].At] != "later"))
        {
            return SocialAct.Goodbye;
        }

        var goodbye = acts.FindIndex(a => a.Act == SocialAct.Goodbye);
        if (goodbye >= 0)
        {
            var at = acts[goodbye].At;
            var opensOrFollowsChat = true;
            for (var i = 0; i < at; i++)
            {
                opensOrFollowsChat &= covered[i] || _fillers.Contains(words[i]);
            }

            var isQuestion = recognition.Kind == RecognitionKind.Confident && !IsChat(recognition.TopicId!) && rest > 3;
            if (opensOrFollowsChat && rest <= GoodbyeTail && !isQuestion)
            {
                return SocialAct.Goodbye;
            }
        }

        if (acts.Any(a => a.Act == SocialAct.Thanks) && rest <= 2)
        {
            return SocialAct.Thanks;
        }

        var opensWithLaughter = acts[0] is { Act: SocialAct.Laughter, At: 0 } && !(recognition.Kind == RecognitionKind.Confident && !IsChat(recognition.TopicId!));
        if (acts.Any(a => a.Act == SocialAct.Laughter) && (rest <= 3 || opensWithLaughter))
        {
            return SocialAct.Laughter;
        }

        return acts.All(a => a.Act == SocialAct.Acknowledgement) && rest == 0 ? SocialAct.Acknowledgement : SocialAct.None;
    }

    /// <summary>True when the last word that isn't filler is part of a chat phrase.</summary>
    private bool EndsWithChat(List<string> words, bool[] covered)
    {
        for (var i = words.Count - 1; i >= 0; i--)
        {
            if (covered[i])
            {
                return true;
            }

            if (!_fillers.Contains(words[i]) && words[i].Any(char.IsLetterOrDigit))
            {
                return false;
            }
        }

        return false;
    }

    private int? StepNumberIn(List<string> words)
    {
        for (var i = 0; i < words.Count; i++)
        {
            if (!_stepWords.Contains(words[i]))
            {
                continue;
            }

            if (i + 1 < words.Count && NumberOf(words[i + 1]) is { } after)
            {
                return after;
            }

            if (i > 0 && NumberOf(words[i - 1]) is { } before && !char.IsAsciiDigit(words[i - 1][0]))
            {
                return before;
            }
        }

        return RelativeStep(words);
    }

    /// <summary>"what comes after the harness?": the step whose title (or goal) the words name best, then the one after (or before).</summary>
    private int? RelativeStep(List<string> words)
    {
        bool after = false, before = false;
        foreach (var word in words)
        {
            after |= _afterWords.Contains(word);
            before |= _beforeWords.Contains(word);
        }

        if (after == before)
        {
            return null;
        }

        var stems = words.Where(w => w.Length >= 3 && !_stopWords.Contains(w) && !_fillers.Contains(w)
                && !_stepWords.Contains(w) && !_afterWords.Contains(w) && !_beforeWords.Contains(w))
            .Select(EnglishStemmer.Stem).ToList();
        // Titles first ("the harness" is step 1 before it is anything else); goals only when no title fits, and
        // then with two of their words: one word of a long goal ("cats", "time") is in too many questions to name a step.
        var best = (Number: 0, Score: 0);
        foreach (var byGoal in (ReadOnlySpan<bool>)[false, true])
        {
            foreach (var (number, title, goal) in _steps)
            {
                var score = stems.Count((byGoal ? goal : title).Contains);
                if (score > best.Score && (!byGoal || score >= GoalWordsForAStep))
                {
                    best = (number, score);
                }
            }

            if (best.Score > 0)
            {
                break;
            }
        }

        if (best.Score == 0)
        {
            return null;
        }

        var step = best.Number + (after ? 1 : -1);
        return step >= 1 && step <= _steps.Length ? step : null;
    }

    private int? NumberOf(string word)
    {
        // "3rd", "4th": the digits of an ordinal.
        var digitsOnly = word.Length > 2 && char.IsAsciiDigit(word[0]) && word[^2..] is "st" or "nd" or "rd" or "th" ? word[..^2] : word;
        var n = int.TryParse(digitsOnly, NumberStyles.None, CultureInfo.InvariantCulture, out var digits) ? digits
            : _words.NumberWords.TryGetValue(word, out var named) ? named : 0;
        return n is >= 1 and <= 10 ? n : null;
    }

    /// <summary>
    /// A short reply is a yes or no when the yes/no recognizer says so; a longer one only when it opens with
    /// one ("nope, she hides from it"). A yes-like word inside a question ("what kind of harness") is not.
    /// </summary>
    private static bool? YesNoOf(string text, List<string> words)
    {
        if (words.Count == 0)
        {
            return YesNoRecognizer.Recognize(text);
        }

        if (words.Count <= 5)
        {
            return YesNoRecognizer.Recognize(text);
        }

        return YesNoRecognizer.Recognize(string.Join(' ', words.Take(2))) ?? YesNoRecognizer.Recognize(words[0]);
    }

    /// <summary>"en", or another language when its own words clearly outnumber chance (a lone "hola" counts).</summary>
    private string LanguageOf(string text, List<string> words)
    {
        if (words.Count == 0)
        {
            return "en";
        }

        // Most messages have none of the other languages' own words: nothing more to check.
        var anyStrong = false;
        foreach (var word in words)
        {
            anyStrong |= _strongFirstWords.Contains(word);
        }

        if (!anyStrong)
        {
            return "en";
        }

        var best = ("en", 0, 0);
        foreach (var (language, strongPhrases, commonWords) in _languages)
        {
            var strong = 0;
            foreach (var phrase in strongPhrases)
            {
                for (var i = 0; i < words.Count; i++)
                {
                    if (NameRules.StartsAt(words, i, phrase))
                    {
                        strong++;
                        break;
                    }
                }
            }

            var common = 0;
            foreach (var word in words)
            {
                common += commonWords.Contains(word) ? 1 : 0;
            }

            var score = (2 * strong) + common;
            if (strong > 0 && score > best.Item2)
            {
                best = (language, score, strong);
            }
        }

        var (code, bestScore, strongHits) = best;
        var clear = bestScore >= 4 && bestScore * 2 >= words.Count;
        var lone = words.Count <= 2 && strongHits > 0 && _recognizer.Recognize(text).Kind != RecognitionKind.Confident;
        return clear || lone ? code : "en";
    }
}
