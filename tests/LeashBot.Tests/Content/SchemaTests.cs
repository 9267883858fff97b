using LeashBot.Content;
using LeashBot.Tests.Support;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json.Serialization;

namespace LeashBot.Tests.Content;

/// <summary>
/// The JSON schemas editors validate against agree with what the loader requires, so a clinic's editor
/// never accepts a file the bot will refuse (or flags one the bot accepts).
/// </summary>
public sealed class SchemaTests
{
    public static TheoryData<string, Type> Files => new()
    {
        { "messages", typeof(MessagesContent) },
        { "checklist", typeof(ChecklistContent) },
        { "plan", typeof(PlanContent) },
        { "troubleshooting", typeof(TroubleshootingContent) },
        { "faq", typeof(FaqContent) },
        { "reading", typeof(ReadingContent) },
        { "understanding", typeof(UnderstandingContent) },
        { "redflags", typeof(RedFlagContent) },
        { "answers", typeof(AnswerContent) },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void A_files_schema_requires_exactly_what_the_loader_requires(string file, Type model)
    {
        var dialogs = Path.Combine(RepoRoot.Path, "dialogs");
        var schema = JObject.Parse(File.ReadAllText(Path.Combine(dialogs, "schemas", file + ".schema.json")));
        var content = JObject.Parse(File.ReadAllText(Path.Combine(dialogs, file + ".json")));

        Assert.Equal("./schemas/" + file + ".schema.json", (string?)content["$schema"]);
        Assert.False((bool?)schema["additionalProperties"] ?? true);

        var contract = (JsonObjectContract)new CamelCasePropertyNamesContractResolver().ResolveContract(model);
        var loaderRequires = contract.Properties.Where(p => p.Required == Required.Always).Select(p => p.PropertyName!).Order().ToList();
        var loaderKnows = contract.Properties.Where(p => !p.Ignored).Select(p => p.PropertyName!).Append("$schema").Order().ToList();
        var schemaRequires = schema["required"]!.Values<string>().Select(n => n!).Order().ToList();
        var schemaKnows = ((JObject)schema["properties"]!).Properties().Select(p => p.Name).Order().ToList();

        Assert.Equal(loaderRequires, schemaRequires);
        Assert.Equal(loaderKnows, schemaKnows);
    }
}
