using System.Text.RegularExpressions;
using System.Xml.Linq;
using LeashBot.Bot;
using LeashBot.Dialogs;
using LeashBot.Storage;
using LeashBot.Tests.Architecture.Fakes;
using LeashBot.Tests.Architecture.Fakes.Elsewhere;
using LeashBot.Tests.Architecture.Fakes.High;
using LeashBot.Tests.Architecture.Fakes.High.Left;
using LeashBot.Tests.Architecture.Fakes.High.Right;
using LeashBot.Tests.Architecture.Fakes.Low;
using LeashBot.Tests.Support;

namespace LeashBot.Tests.Architecture;

/// <summary>
/// Each folder of src/LeashBot owns one part of the bot and uses only the folders below it; the projects reference
/// downward only. The README's architecture table shows the same order. The check reads the compiled code (see
/// <see cref="TypeUses"/>), so a fully qualified name or a <c>new</c> deep in a method counts like a <c>using</c>.
/// </summary>
public sealed partial class LayeringTests
{
    /// <summary>The folders of src/LeashBot, bottom first.</summary>
    private static readonly Layering Folders = new("LeashBot",
        ["Content", "State", "Understanding", "Safety", "Coaching", "Bot", "Channels", "Hosting"],
        [
            // The Direct Line bridge still takes the host's concrete adapter; it goes when the bridge runs its turns
            // through IInProcessAdapter as the Twilio webhook does.
            new("Channels/DirectLine", "LeashBot.Hosting.LeashBotAdapter", "the Direct Line bridge takes the host's adapter"),
        ]);

    /// <summary>Which LeashBot projects each project under src/ and deploymentTemplates/ may reference.</summary>
    private static readonly Dictionary<string, string[]> ProjectsBelow = new()
    {
        ["LeashBot.Dialogs"] = [],
        ["LeashBot.Storage"] = [],
        ["LeashBot"] = ["LeashBot.Dialogs", "LeashBot.Storage"],
        ["LeashBot.TeamsPackage"] = [],
    };

    private static Type[] LeashBotTypes => typeof(CoachBot).Assembly.GetTypes();

    [Fact]
    public void Every_folder_of_LeashBot_uses_only_the_folders_below_it()
    {
        var problems = Folders.Problems(LeashBotTypes);
        Assert.True(problems.Count == 0, "Uses against the layering (README, Architecture):\n" + string.Join("\n", problems));
    }

    [Fact]
    public void Every_allowed_exception_is_still_needed()
    {
        var unneeded = Folders.Unneeded(LeashBotTypes);
        Assert.True(unneeded.Count == 0, "Delete these allowances, nothing needs them any more:\n" + string.Join("\n", unneeded));
    }

    [Fact]
    public void Every_source_file_declares_the_namespace_of_its_folder()
    {
        var src = Path.Combine(RepoRoot.Path, "src", "LeashBot");
        var wrong = new List<string>();
        foreach (var file in Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(src, file).Replace('\\', '/');
            if (relative.StartsWith("bin/", StringComparison.Ordinal) || relative.StartsWith("obj/", StringComparison.Ordinal) || relative == "Program.cs")
            {
                continue;
            }

            var folder = Path.GetDirectoryName(relative)!.Replace('\\', '/');
            var expected = "LeashBot" + (folder.Length == 0 ? "" : "." + folder.Replace('/', '.'));
            var declared = NamespaceLine().Match(File.ReadAllText(file)) is { Success: true } match ? match.Groups[1].Value : "(none)";
            if (declared != expected)
            {
                wrong.Add($"{relative} declares namespace {declared}; its folder's is {expected}");
            }
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public void The_README_table_lists_the_folders_in_the_tested_order()
    {
        var readme = File.ReadAllText(Path.Combine(RepoRoot.Path, "README.md"));
        var rows = TableRow().Matches(readme).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(Folders.BottomUp, rows);
    }

    [Fact]
    public void Project_references_go_downward_only()
    {
        var projects = Directory.EnumerateFiles(Path.Combine(RepoRoot.Path, "src"), "*.csproj", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Path.Combine(RepoRoot.Path, "deploymentTemplates"), "*.csproj", SearchOption.AllDirectories))
            .ToDictionary(
                file => Path.GetFileNameWithoutExtension(file)!,
                file => XDocument.Load(file).Descendants("ProjectReference")
                    .Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value.Replace('\\', '/')))
                    .ToArray());

        Assert.Contains("LeashBot.Dialogs", projects.Keys);
        Assert.Empty(ProjectProblems(projects, ProjectsBelow));
    }

    [Fact]
    public void The_compiled_engine_and_storage_reference_no_other_LeashBot_assembly()
    {
        var references = new[] { typeof(DialogSet), typeof(JsonStorage), typeof(CoachBot) }.ToDictionary(
            t => t.Assembly.GetName().Name!,
            t => t.Assembly.GetReferencedAssemblies().Select(a => a.Name!).Where(n => n.StartsWith("LeashBot", StringComparison.Ordinal)).ToArray());

        Assert.Empty(ProjectProblems(references, ProjectsBelow));
        Assert.Equal(["LeashBot.Dialogs", "LeashBot.Storage"], references["LeashBot"].Order());
    }

    // The check itself, tried on a small made-up assembly (Fakes/: a lower and an upper folder, the upper one with two
    // sub-folders) and on made-up project graphs.
    private const string MadeUpRoot = "LeashBot.Tests.Architecture.Fakes";

    private static readonly Layering MadeUp = new(MadeUpRoot, ["Low", "High"]);

    private static Type[] FakeTypes => [.. typeof(Target).Assembly.GetTypes().Where(t => t.Namespace?.StartsWith(MadeUpRoot, StringComparison.Ordinal) == true)];

    [Theory]
    [InlineData(typeof(UsesUpInAField), "field _targets")]
    [InlineData(typeof(UsesUpInAParameter), "parameter 'target' of IsMissing")]
    [InlineData(typeof(UsesUpInABody), "the body of Make")]
    [InlineData(typeof(UsesUpInALambda), "the body of a lambda in Maker")]
    [InlineData(typeof(UsesUpInAnAsyncMethod), "the body of NameAsync:")]
    public void An_upward_use_is_found_wherever_it_hides_and_named_with_both_folders(Type offender, string where)
    {
        var problem = Assert.Single(MadeUp.Problems(FakeTypes), p => p.StartsWith(offender.FullName + " ", StringComparison.Ordinal));

        Assert.Contains($"{offender.FullName} (Low/) uses {typeof(Target).FullName} (High/)", problem, StringComparison.Ordinal);
        Assert.Contains(where, problem, StringComparison.Ordinal);
        Assert.Contains("Low/ is below High/", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Uses_downward_and_within_a_folder_pass_but_a_sibling_sub_folder_and_a_type_outside_the_folders_do_not()
    {
        var problems = MadeUp.Problems(FakeTypes);

        Assert.DoesNotContain(problems, p => p.StartsWith(typeof(Target).FullName + " ", StringComparison.Ordinal));
        Assert.DoesNotContain(problems, p => p.StartsWith(typeof(UsesItsFolder).FullName + " ", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith(typeof(UsesASibling).FullName + " (High/Left/) uses " + typeof(Widget).FullName + " (High/Right/)", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith(typeof(Loose).FullName + " is in the root namespace", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith(typeof(Stray).FullName + " is in folder Elsewhere/", StringComparison.Ordinal));
        Assert.Equal(8, problems.Count); // the five upward uses above, the sibling, the two types outside the folders
    }

    [Fact]
    public void An_allowance_lets_exactly_its_use_through_and_is_reported_once_nothing_needs_it()
    {
        var withAllowances = new Layering(MadeUpRoot, MadeUp.BottomUp,
        [
            new("Low", typeof(Target).FullName!, "made up"),
            new("High/Left", "High/Right", "made up"),
            new("High", "Low", "not needed: downward is allowed anyway"),
        ]);

        var problems = withAllowances.Problems(FakeTypes);
        Assert.Equal(2, problems.Count); // the two types outside the folders
        Assert.Equal("Low", Assert.Single(withAllowances.Unneeded(FakeTypes)).To);
    }

    [Fact]
    public void A_project_that_references_upward_or_is_not_in_the_table_is_named()
    {
        var problems = ProjectProblems(
            new() { ["LeashBot.Dialogs"] = ["LeashBot"], ["LeashBot"] = ["LeashBot.Dialogs"], ["LeashBot.Extra"] = [] },
            ProjectsBelow);

        Assert.Equal(
            [
                "LeashBot.Dialogs references LeashBot, which is not below it (it may reference nothing of LeashBot)",
                "LeashBot.Extra is not in the table of projects: say which LeashBot projects it may reference",
            ],
            problems);
    }

    /// <summary>Each project that references a LeashBot project it may not, or that the table does not know.</summary>
    private static List<string> ProjectProblems(Dictionary<string, string[]> references, Dictionary<string, string[]> below)
    {
        var problems = new List<string>();
        foreach (var (project, referenced) in references.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (!below.TryGetValue(project, out var allowed))
            {
                problems.Add($"{project} is not in the table of projects: say which LeashBot projects it may reference");
                continue;
            }

            foreach (var reference in referenced.Where(r => !allowed.Contains(r)))
            {
                problems.Add($"{project} references {reference}, which is not below it (it may reference "
                    + (allowed.Length == 0 ? "nothing of LeashBot" : string.Join(", ", allowed)) + ")");
            }
        }

        return problems;
    }

    [GeneratedRegex(@"^namespace\s+([\w.]+)\s*;", RegexOptions.Multiline)]
    private static partial Regex NamespaceLine();

    [GeneratedRegex(@"^\| `([A-Za-z]+)/` \|", RegexOptions.Multiline)]
    private static partial Regex TableRow();
}
