using LeashBot.Content.Rules;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace LeashBot.Content;

/// <summary>
/// Everything the bot says and every coaching fact, loaded once at start-up from the files in <c>dialogs/</c>.
/// Loading validates each file; the first problems found stop start-up with the file, line and path named.
/// </summary>
public sealed class BotContent
{
    public required MessagesContent Messages { get; init; }
    public required ChecklistContent Checklist { get; init; }
    public required PlanContent Plan { get; init; }
    public required TroubleshootingContent Troubleshooting { get; init; }
    public required FaqContent Faq { get; init; }
    public required UnderstandingContent Understanding { get; init; }
    public required ReadingContent Reading { get; init; }
    public required RedFlagContent RedFlags { get; init; }
    public required ReminderContent Reminders { get; init; }
    public required AnswerContent Answers { get; init; }

    public static BotContent Load(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new ContentException($"The content folder '{directory}' does not exist. Set Content:Directory to the folder that holds messages.json.");
        }

        var problems = new List<string>();
        var messages = ContentFile.Read<MessagesContent>(directory, "messages.json", problems, MessagesRules.Check);
        var checklist = ContentFile.Read<ChecklistContent>(directory, "checklist.json", problems, ChecklistRules.Check);
        var plan = ContentFile.Read<PlanContent>(directory, "plan.json", problems, PlanRules.Check);
        var troubleshooting = ContentFile.Read<TroubleshootingContent>(directory, "troubleshooting.json", problems, TroubleshootingRules.Check);
        var faq = ContentFile.Read<FaqContent>(directory, "faq.json", problems, FaqRules.Check);
        var reading = ContentFile.Read<ReadingContent>(directory, "reading.json", problems, ReadingRules.Check);
        var understanding = ContentFile.Read<UnderstandingContent>(directory, "understanding.json", problems, UnderstandingRules.Check);
        var redFlags = ContentFile.Read<RedFlagContent>(directory, "redflags.json", problems, RedFlagRules.Check);
        var reminders = ContentFile.Read<ReminderContent>(directory, "reminders.json", problems, ReminderRules.Check);
        var answers = ContentFile.Read<AnswerContent>(directory, "answers.json", problems, AnswerRules.Check);
        if (understanding is not null && troubleshooting is not null && faq is not null && messages is not null)
        {
            problems.AddRange(CrossFileRules.EveryTopicAnswered(understanding, messages, troubleshooting, faq));
        }

        if (reading is not null && messages is not null)
        {
            problems.AddRange(CrossFileRules.EveryLanguageAnswered(reading, messages));
        }

        if (problems.Count > 0 || messages is null || checklist is null || plan is null || troubleshooting is null || faq is null || understanding is null || reading is null || redFlags is null || reminders is null || answers is null)
        {
            throw new ContentException("The bot's content has problems:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  " + p)));
        }

        return new BotContent { Messages = messages, Checklist = checklist, Plan = plan, Troubleshooting = troubleshooting, Faq = faq, Understanding = understanding, Reading = reading, RedFlags = redFlags, Reminders = reminders, Answers = answers };
    }

    /// <summary>The step of the plan with this number (1-based).</summary>
    public PlanStep Step(int number) => Plan.Steps[Math.Clamp(number, 1, Plan.Steps.Count) - 1];
}

/// <summary>Reads one content file: JSON syntax, shape, placeholders, then the file's own rules.</summary>
internal static class ContentFile
{
    private static readonly JsonSerializer Serializer = JsonSerializer.Create(new JsonSerializerSettings
    {
        MissingMemberHandling = MissingMemberHandling.Error,
        ContractResolver = new Newtonsoft.Json.Serialization.CamelCasePropertyNamesContractResolver(),
        TypeNameHandling = TypeNameHandling.None,
        MetadataPropertyHandling = MetadataPropertyHandling.Ignore,
    });

    public static T? Read<T>(string directory, string fileName, List<string> problems, Func<T, IEnumerable<ContentProblem>> rules)
        where T : class
    {
        var path = Path.Combine(directory, fileName);
        var display = "dialogs/" + fileName;
        if (!File.Exists(path))
        {
            problems.Add($"{display}: the file is missing.");
            return null;
        }

        JObject root;
        try
        {
            using var reader = new JsonTextReader(new StreamReader(path));
            root = JObject.Load(reader, new JsonLoadSettings { LineInfoHandling = LineInfoHandling.Load, DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error });
        }
        catch (JsonReaderException ex)
        {
            problems.Add($"{display} line {ex.LineNumber}, column {ex.LinePosition}: not valid JSON ({FirstSentence(ex.Message)})");
            return null;
        }

        root.Remove("$schema");
        T value;
        try
        {
            value = root.ToObject<T>(Serializer) ?? throw new JsonSerializationException("The file is empty.");
        }
        catch (JsonException ex)
        {
            var (line, column, jsonPath) = ex switch
            {
                JsonSerializationException s => (s.LineNumber, s.LinePosition, s.Path),
                JsonReaderException r => (r.LineNumber, r.LinePosition, r.Path),
                _ => (0, 0, null),
            };
            problems.Add($"{display} line {line}, column {column} ({jsonPath}): {FirstSentence(ex.Message)}");
            return null;
        }

        var before = problems.Count;
        foreach (var text in root.Descendants().OfType<JValue>().Where(v => v.Type == JTokenType.String))
        {
            // A pronoun slot speaks of the text's {cat}, so a text without one has nobody for it to mean.
            var names = Template.NamesIn((string)text.Value!).ToList();
            if (names.Any(Template.PronounNames.Contains) && !names.Contains("cat"))
            {
                problems.Add($"{display} {Where(text)}: a pronoun slot ({string.Join(", ", Template.PronounNames.Select(n => "{" + n + "}"))}) needs {{cat}} in the same text.");
            }

            foreach (var name in names)
            {
                if (!Template.KnownNames.Contains(name))
                {
                    problems.Add($"{display} {Where(text)}: unknown placeholder {{{name}}}; known ones are {string.Join(", ", Template.KnownNames.Select(n => "{" + n + "}"))}.");
                }
            }
        }

        foreach (var (jsonPath, problem) in rules(value))
        {
            problems.Add($"{display} {Where(root.SelectToken(jsonPath) ?? root)}: {problem}");
        }

        return problems.Count == before ? value : null;
    }

    private static string Where(JToken token)
    {
        var info = (IJsonLineInfo)token;
        var path = string.IsNullOrEmpty(token.Path) ? "(top)" : token.Path;
        return info.HasLineInfo() ? $"line {info.LineNumber}, column {info.LinePosition} ({path})" : $"({path})";
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". Path", StringComparison.Ordinal);
        return end > 0 ? message[..end] : message;
    }
}
