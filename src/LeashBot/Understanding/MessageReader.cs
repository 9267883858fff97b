using LeashBot.State;

namespace LeashBot.Understanding;

/// <summary>
/// Reads a message once into a <see cref="MessageReading"/>: topics (whole message and clause by clause),
/// the owner's cats it means, durations, step numbers, mood with negation, chat acts, names and language.
/// A small composer over its parts, each reading one thing: <see cref="ChatClauses"/> (words and clauses),
/// <see cref="MoodReader"/>, <see cref="SocialActReader"/>, <see cref="CommandPhrases"/>, <see cref="CatMentionReader"/>,
/// <see cref="StepReferenceReader"/>, <see cref="LanguageReader"/>, <see cref="ForgetMeReader"/> and <see cref="NameRules"/>.
/// Word lists come from dialogs/reading.json, plan.json (mood words) and messages.json (commands). Built once; thread-safe.
/// </summary>
public sealed partial class MessageReader
{
    private const string TurnStateKey = "LeashBot.MessageReadings";
    private const int MaxQuestions = 3;
    private const int MinClauseQuestionWords = 3;

    private readonly TopicRecognizer _recognizer;
    private readonly TextRecognizers _numbers;
    private readonly SemanticDecision? _semantic;
    private readonly LearnedTopics? _learned;
    private readonly ChatClauses _clauses;
    private readonly ReadingNegations _negations;
    private readonly HashSet<string> _fillers;
    private readonly HashSet<string> _questionOpeners;
    private readonly HashSet<string> _questionLeads;
    private readonly MoodReader _moods;
    private readonly SocialActReader _social;
    private readonly CommandPhrases _commands;
    private readonly CatMentionReader _cats;
    private readonly StepReferenceReader _steps;
    private readonly LanguageReader _languages;
    private readonly ForgetMeReader _forgetMe;
    private readonly NameRules _names;
    private readonly HashSet<string> _auxiliaries;
    private readonly BusinessQuestions _business;
    private readonly PhraseList _whereToBuy;
    private readonly string _catNameStandIn;
    private readonly StepQuestions _stepQuestions;
    private readonly LengthQuestions _lengths;

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
        var words = content.Reading;
        var global = content.Understanding.Global;
        _clauses = new ChatClauses(global.Contractions, words.ClauseBreaks);
        _negations = new ReadingNegations(words.Negations, words.NegationReach);
        _fillers = [.. global.FillerWords.Select(w => w.ToLowerInvariant())];
        _questionOpeners = [.. words.QuestionOpeners];
        _questionLeads = [.. words.QuestionLeads];
        _moods = new MoodReader(content.Plan.MoodWords, words.NotMoods, _clauses, _negations, recognizer.Normalizer);
        _social = new SocialActReader(words, _fillers, _clauses);
        _commands = new CommandPhrases(content.Messages.Commands, global, words, _fillers, _clauses);
        _cats = new CatMentionReader(words, _clauses, _negations, recognizer.Normalizer);
        _steps = new StepReferenceReader(words, content.Plan, global, _fillers, _clauses);
        _languages = new LanguageReader(words.Languages, _clauses, recognizer);
        _forgetMe = new ForgetMeReader(words.ForgetMe, _clauses, _negations);
        _names = new NameRules(words, global, content.Plan.MoodWords, recognizer, Words, NeverNames(content));
        _auxiliaries = [.. words.CommandReading.Auxiliaries];
        _business = new BusinessQuestions(global);
        _whereToBuy = new PhraseList(words.WhereToBuy);
        _catNameStandIn = words.CatNameStandIn;
        _stepQuestions = new StepQuestions(words);
        _lengths = new LengthQuestions(words);
    }

    /// <summary>
    /// A cat the owner hasn't told of, named as the message's subject ("mochi has been straining", "Tigger is
    /// wobbling"): that name, else null. A known cat, a word of the content or a pronoun is none.
    /// </summary>
    public string? UnknownCatNamed(string text, IReadOnlyCollection<string> knownCats)
    {
        var words = Words(text);
        return words.Count > 2 && _auxiliaries.Contains(words[1]) && !knownCats.Contains(words[0], StringComparer.OrdinalIgnoreCase)
            && _names.BareName([words[0]]) is { } name ? name : null;
    }

    /// <summary>
    /// The medicine and Spanish poison words of the red flags (the lists reading.json names), never a cat's name:
    /// "Ibuprofeno, le di uno" names no cat. A word the red flags also know as a name ("Biscuit", "Ginger") stays one;
    /// the broad groups ("button", "ribbon", "sock") are left out, they name cats too.
    /// </summary>
    private static IEnumerable<string> NeverNames(BotContent content)
    {
        var namesToo = new HashSet<string>(content.RedFlags.NamesToo, StringComparer.OrdinalIgnoreCase);
        var redFlags = content.RedFlags;
        return content.Reading.NotNamesFromRedFlags
            .SelectMany(id => (redFlags.WordGroups.GetValueOrDefault(id) ?? []).Concat(redFlags.Knowledge.Where(k => k.Id == id).SelectMany(k => k.Words)))
            .Where(w => !w.Contains(' ', StringComparison.Ordinal) && !namesToo.Contains(w));
    }

    /// <summary>A bracketed aside ("(she's 2)"), never part of a name.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"\([^)]*\)?")]
    private static partial System.Text.RegularExpressions.Regex Bracketed();

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

        var clauses = _clauses.Of(text);
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
            var asks = OpensLikeAQuestion(clause) || (EndsWithQuestionMark(text, clause) && clause.Count(w => w != "," && !_fillers.Contains(w) && !_commands.ChatWords.Contains(w)) >= 2);
            clauseReadings.Add(new ClauseReading(clauseText, r, asks));

            // "he freezes at the front door. every time": two words that ask nothing are no question of their own.
            if (r.Kind == RecognitionKind.Confident && r.TopicId is { } topic && !SocialActReader.IsChat(topic) && !questions.Contains(topic)
                && (asks || clause.Count(w => w != ",") >= MinClauseQuestionWords))
            {
                questions.Add(topic);
            }
        }

        if (questions.Count < 2)
        {
            questions.Clear();
        }

        var mentions = _cats.Of(all, cats);
        var (pronoun, pronounCat) = _cats.PronounOf(words, cats);
        var (mood, negatedSpans) = _moods.Of(clauses);
        var asksAQuestion = text.Contains('?', StringComparison.Ordinal) || clauses.Exists(OpensLikeAQuestion);
        var duration = new Lazy<TimeSpan?>(() => text.Length == 0 ? null : _numbers.RecognizeDuration(_lengths.WithoutLeashLengths(text)), LazyThreadSafetyMode.None);

        // "5 minutes or 30 minutes per session, whats better": a length of time asked about is a question, never a report.
        var asksALength = _lengths.Asks(text, asksAQuestion) && duration.Value is not null;
        asksAQuestion |= asksALength;
        var social = _social.Of(words, recognition, asksAQuestion);
        var stepNumber = _steps.Of(words);

        (recognition, var asksStepPace) = _stepQuestions.Read(text, words, recognition, stepNumber);
        var command = _commands.Of(text, words);
        var language = _languages.Of(text, words);
        var yesNo = questions.Count > 0 ? null : YesNoOf(text, words);
        // "biscuit (2, v confident) and pepper (5, kinda nervous)": what is in brackets is about the cat, not its name.
        var nameClauses = text.Contains('(', StringComparison.Ordinal) ? _clauses.Of(Bracketed().Replace(text, " ")) : clauses;
        var nameWords = NameWords(nameClauses);
        var newCatName = _names.NameIn(nameWords, catNames);
        var bareName = _names.BareName(nameWords, newCatName);

        // "do u have the H harness in stock": the shop's own business, whatever gear it names, is the staff's to answer.
        var aboutTheBusiness = command == Command.None && language == "en" && _business.Asks(text);
        // "where can i buy one": the gear advice (a harness unless a leash is named), then who sells it.
        var whereToBuy = command == Command.None && language == "en" && !aboutTheBusiness && _whereToBuy.IsIn([.. words]);
        // A length of time settles a report; a question with one that reads as a report or as nothing clear ("is 20
        // minutes a go too much for him?") is for the head.
        var settled = command != Command.None || language != "en" || social != SocialAct.None || stepNumber is not null
            || (yesNo is not null && words.Count <= 3) || bareName is not null || questions.Count > 1
            || (newCatName is not null && recognition.Kind != RecognitionKind.Confident) || aboutTheBusiness || whereToBuy
            || !words.Exists(w => !char.IsAsciiDigit(w[0]))
            || (FitsASessionReport(recognition) && duration.Value is not null && !(asksAQuestion && ReportOrNothing(recognition)));
        var wordLists = recognition;
        if (_semantic is not null && !settled)
        {
            // Forget-me is a rule's to decide (below), never the word lists' certainty: "will she forget everything" is for the head.
            var decided = _semantic.Decide(text, ForgetMeReader.WithoutForgetMe(recognition), _cats.AnimalsIn(words, mentions.Count > 0), [.. catNames.Where(_recognizer.Normalizer.InContent)], _catNameStandIn);

            // A message that names one of the owner's own cats is about that cat: the model's "not something I know" never
            // stands there ("how far along is Biscuit"); the word lists' reading does, or an honest "not sure".
            recognition = decided.Kind == RecognitionKind.OutOfScope && mentions.Count > 0
                ? recognition.Kind == RecognitionKind.OutOfScope ? new Recognition(null, 0, RecognitionKind.Unsure, decided.Candidates) : recognition
                : decided;
        }

        if (whereToBuy)
        {
            recognition = new Recognition(recognition is { Kind: RecognitionKind.Confident, TopicId: TopicIds.FaqLeash } ? TopicIds.FaqLeash : TopicIds.FaqHarness, 1, RecognitionKind.Confident, recognition.Candidates);
        }
        else if (command == Command.None && !asksStepPace && !aboutTheBusiness && _lengths.NamesALeashLength(text) && LengthQuestions.LeashOverLengthOfTime(recognition))
        {
            recognition = new Recognition(TopicIds.FaqLeash, 1, RecognitionKind.Confident, recognition.Candidates);
        }
        else if (asksALength && !asksStepPace && command == Command.None && LengthQuestions.ReadAsAReport(recognition))
        {
            recognition = new Recognition(TopicIds.FaqSessionLength, 1, RecognitionKind.Confident, recognition.Candidates);
        }

        // "ok cool so pixel solo first, rufus later": a plain remark after an answer, placed nowhere, is acknowledged.
        // A topic the word lists found and the head doubted was placed somewhere: it stays "not sure", no remark.
        if (social == SocialAct.None && !asksAQuestion && !aboutTheBusiness && recognition.Kind is RecognitionKind.Unsure or RecognitionKind.OutOfScope
            && !(recognition.Kind == RecognitionKind.Unsure && wordLists.Kind == RecognitionKind.Confident) && _social.OpensWithAcknowledgement(words))
        {
            social = SocialAct.Acknowledgement;
        }

        if (aboutTheBusiness)
        {
            recognition = new Recognition(TopicIds.OutOfScope, 1, RecognitionKind.OutOfScope, recognition.Candidates);
            questions.Clear();

            // "do u have harnesses in stock and how tight should it be": the training question beside it is answered first,
            // then the hand-off to the staff.
            if (TrainingQuestionBeside(text, catNames) is { } beside)
            {
                questions.AddRange([beside, TopicIds.OutOfScope]);
            }
        }

        if (command == Command.None && _learned?.TopicOf(text, catNames) is { } learned)
        {
            recognition = new Recognition(learned, 1, learned == TopicIds.OutOfScope ? RecognitionKind.OutOfScope : RecognitionKind.Confident, recognition.Candidates);
        }

        // Deleting the owner's data takes a clear request about it: the word "delete" alone ("did u delete the wrong
        // ones?") is never one, and a clear request is one whatever the recognizer made of it.
        var forgetOwner = _forgetMe.AsksToForgetOwner(words);
        recognition = forgetOwner ? new Recognition(TopicIds.ForgetMe, 1, RecognitionKind.Confident, [new TopicScore(TopicIds.ForgetMe, 1)])
            : ForgetMeReader.WithoutForgetMe(recognition);
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
            PronounStated = pronoun is not null && _cats.StatesPronoun(words),
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
            Declines = _social.Declines(words),
            AsksToForgetOwner = forgetOwner,
            AboutTheBusiness = aboutTheBusiness,
            AsksWhereToBuy = whereToBuy,
            AsksStepPace = asksStepPace,
            AsksALength = asksALength,
            Language = language,
            WordCount = words.Count,
        };
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
    private bool NamesAnotherAnimal(IReadOnlyList<string> clause) => _cats.AnimalsIn([.. clause.Where(w => w != ",")], false) == Animals.Other;

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

    /// <summary>Which animals a message names by their words (the owner's own cats aside).</summary>
    public Animals AnimalsIn(string text) => _cats.AnimalsIn(Words(text), false);

    private static bool FitsASessionReport(Recognition recognition)
    {
        var topic = recognition.Kind is RecognitionKind.Confident or RecognitionKind.Ambiguous ? recognition.TopicId ?? "" : "";
        // "a 10 minute session tonight, she was calm" is a report, though its words are the session-length question's.
        return topic.Length == 0 || topic is TopicIds.PlanLog or TopicIds.BodyLanguage or TopicIds.PlanProgress or TopicIds.PlanNext or TopicIds.PlanStart or TopicIds.FaqSessionLength
            || topic.StartsWith("struggle.", StringComparison.Ordinal);
    }

    private static bool ReportOrNothing(Recognition recognition) =>
        recognition.Kind is not (RecognitionKind.Confident or RecognitionKind.Ambiguous) || recognition.TopicId is null or TopicIds.PlanLog or TopicIds.FaqSessionLength;

    /// <summary>Lower-case words, contractions expanded ("wasn't" → "was not"), emoji as words, "," kept as a soft break.</summary>
    public List<string> Words(string? text) => _clauses.Words(text);

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
}
