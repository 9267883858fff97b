using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using LeashBot.Deploy.Tests.Support;

namespace LeashBot.Deploy.Tests;

/// <summary>Every Bicep template compiles and lints clean with the pinned Bicep CLI, and the committed ARM JSON is its output.</summary>
public sealed class TemplateTests
{
    private static IEnumerable<string> TemplateFiles() =>
        Directory.EnumerateFiles(Path.Combine(Repo.Root, "deploymentTemplates"), "*.bicep", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(Repo.Root, file)).Order();

    public static TheoryData<string> Templates() => new(TemplateFiles());

    [Fact]
    public void The_Azure_template_is_among_those_checked() =>
        Assert.Contains(Path.Combine("deploymentTemplates", "azure", "main.bicep"), TemplateFiles());

    [Theory, MemberData(nameof(Templates))]
    public async Task Compiles_and_lints_without_a_single_warning(string template)
    {
        var path = Path.Combine(Repo.Root, template);
        var lint = await Bicep.RunAsync(Repo.Root, "lint", path);
        Assert.True(lint.ExitCode == 0 && lint.Errors.Trim().Length == 0 && lint.Output.Trim().Length == 0, $"bicep lint {template}: {lint}");

        var build = await Bicep.RunAsync(Repo.Root, "build", path, "--stdout");
        Assert.True(build.ExitCode == 0 && build.Errors.Trim().Length == 0, $"bicep build {template}: {build}");
        Assert.NotNull(JsonNode.Parse(build.Output)?["resources"]);
    }

    [Theory, MemberData(nameof(Templates))]
    public async Task The_committed_ARM_JSON_is_exactly_the_compiled_template(string template)
    {
        var path = Path.Combine(Repo.Root, template);
        var committed = Path.ChangeExtension(path, ".json");
        Assert.True(File.Exists(committed), $"{Path.GetRelativePath(Repo.Root, committed)} is missing: run bicep build {template}");

        var build = await Bicep.RunAsync(Repo.Root, "build", path, "--stdout");
        Assert.Equal(0, build.ExitCode);
        var expected = Normalize(build.Output);
        var actual = Normalize(await File.ReadAllTextAsync(committed));
        Assert.True(expected == actual,
            $"{Path.GetRelativePath(Repo.Root, committed)} is not the compiled {template}. Rebuild it with the pinned CLI: " +
            $"{Bicep.Executable} build {template}");
    }

    [Fact]
    public void Every_parameter_of_the_compiled_template_is_used()
    {
        var template = JsonNode.Parse(File.ReadAllText(Path.ChangeExtension(Repo.MainBicep, ".json")))!.AsObject();
        var parameters = template["parameters"]!.AsObject().Select(p => p.Key).ToList();
        Assert.NotEmpty(parameters);

        // Everything but the parameter declarations themselves.
        var body = new JsonObject(template.Where(p => p.Key != "parameters").Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone()))).ToJsonString(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        var unused = parameters.Where(name => !body.Contains($"parameters('{name}')", StringComparison.Ordinal)).ToList();
        Assert.True(unused.Count == 0, "Parameters nothing uses: " + string.Join(", ", unused));
    }

    private static string Normalize(string json) => json.ReplaceLineEndings("\n").TrimEnd();
}
