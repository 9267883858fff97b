using System.Text.Json;

namespace LeashBot.Deploy.Tests.Support;

/// <summary>The instructions of deploymentTemplates/container/Dockerfile, read the way the tests need them.</summary>
public sealed class DockerfileRecipe
{
    private DockerfileRecipe(List<(string Instruction, string Arguments)> instructions) => Instructions = instructions;

    public static string FilePath => Path.Combine(Repo.Root, "deploymentTemplates", "container", "Dockerfile");

    public IReadOnlyList<(string Instruction, string Arguments)> Instructions { get; }

    public IEnumerable<string> All(string instruction) =>
        Instructions.Where(i => i.Instruction == instruction).Select(i => i.Arguments);

    /// <summary>The first stage's instructions (from its FROM up to the next FROM).</summary>
    public IReadOnlyList<(string Instruction, string Arguments)> BuildStage =>
        Instructions.Skip(1).TakeWhile(i => i.Instruction != "FROM").ToList();

    /// <summary>The final stage's instructions (after its FROM).</summary>
    public IReadOnlyList<(string Instruction, string Arguments)> FinalStage =>
        Instructions.Skip(Instructions.Select((i, n) => (i, n)).Last(x => x.i.Instruction == "FROM").n).ToList();

    /// <summary>Every ENV of the final stage (KEY=value pairs, no quoting).</summary>
    public Dictionary<string, string> Environment =>
        FinalStage.Where(i => i.Instruction == "ENV")
            .SelectMany(i => i.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(p => p[0], p => p.Length == 2 ? p[1] : throw new FormatException($"ENV {p[0]} has no '='"), StringComparer.Ordinal);

    public string WorkingDirectory => FinalStage.Last(i => i.Instruction == "WORKDIR").Arguments;

    public string User => FinalStage.Last(i => i.Instruction == "USER").Arguments;

    public string[] EntryPoint => JsonSerializer.Deserialize<string[]>(FinalStage.Last(i => i.Instruction == "ENTRYPOINT").Arguments)!;

    /// <summary>The HEALTHCHECK's command in exec form.</summary>
    public string[] HealthCheck
    {
        get
        {
            var arguments = FinalStage.Last(i => i.Instruction == "HEALTHCHECK").Arguments;
            var cmd = arguments.IndexOf("CMD ", StringComparison.Ordinal);
            return JsonSerializer.Deserialize<string[]>(arguments[(cmd + 4)..])!;
        }
    }

    public static DockerfileRecipe Load()
    {
        var instructions = new List<(string, string)>();
        var current = "";
        foreach (var raw in File.ReadAllLines(FilePath))
        {
            var line = raw.Trim();
            if (line.StartsWith('#') || line.Length == 0 && current.Length == 0)
            {
                continue;
            }

            if (line.EndsWith('\\'))
            {
                current += line[..^1].Trim() + " ";
                continue;
            }

            current += line;
            var space = current.IndexOf(' ', StringComparison.Ordinal);
            instructions.Add((current[..space].ToUpperInvariant(), current[(space + 1)..].Trim()));
            current = "";
        }

        return new DockerfileRecipe(instructions);
    }
}
