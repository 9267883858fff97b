using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace LeashBot.Deploy.Tests.Support;

/// <summary>A snapshot of main.bicep with some parameter values: the resources a deployment would create.</summary>
public sealed class Deployment
{
    private Deployment(JsonObject snapshot, IReadOnlyDictionary<string, JsonNode?> parameters)
    {
        Snapshot = snapshot;
        Parameters = parameters;
    }

    public JsonObject Snapshot { get; }

    public IReadOnlyDictionary<string, JsonNode?> Parameters { get; }

    public IEnumerable<JsonObject> Resources => Snapshot["predictedResources"]!.AsArray().Select(r => r!.AsObject());

    public JsonObject Site => OnlyOne("Microsoft.Web/sites");

    public JsonObject Bot => OnlyOne("Microsoft.BotService/botServices");

    /// <summary>The web app's settings, name to value; a value that comes from another resource is still an ARM expression.</summary>
    public IReadOnlyDictionary<string, string> AppSettings =>
        Site["properties"]!["siteConfig"]!["appSettings"]!.AsArray()
            .ToDictionary(s => (string)s!["name"]!, s => (string?)s!["value"] ?? "", StringComparer.Ordinal);

    public JsonObject OnlyOne(string type)
    {
        var matches = Resources.Where(r => (string?)r["type"] == type).ToList();
        Assert.True(matches.Count == 1, $"expected one {type}, found {matches.Count}");
        return matches[0];
    }

    public IEnumerable<string> Channels =>
        Resources.Where(r => (string?)r["type"] == "Microsoft.BotService/botServices/channels").Select(r => (string)r["properties"]!["channelName"]!);

    /// <summary>A resource's id as it appears inside other expressions: a quoted literal once the snapshot resolved it.</summary>
    public static string IdOf(JsonObject resource)
    {
        var id = (string)resource["id"]!;
        return id.StartsWith('[') ? Unwrap(id) : $"'{id}'";
    }

    public static string Unwrap(string expression) =>
        expression.StartsWith('[') && expression.EndsWith(']') ? expression[1..^1] : expression;

    /// <summary>The parameters of a committed parameter file, plus the secret ones a person passes on the command line.</summary>
    public static Dictionary<string, JsonNode?> FromParameterFile(string fileName)
    {
        var file = JsonNode.Parse(File.ReadAllText(Path.Combine(Repo.Templates, fileName)))!;
        var parameters = file["parameters"]!.AsObject().ToDictionary(p => p.Key, p => p.Value!["value"]?.DeepClone(), StringComparer.Ordinal);
        parameters["directLineTokenSigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        return parameters;
    }

    public static async Task<Deployment> SnapshotAsync(IReadOnlyDictionary<string, JsonNode?> parameters)
    {
        var (snapshot, errors) = await Bicep.SnapshotAsync(parameters);
        Assert.True(snapshot is not null, "bicep snapshot refused the parameters: " + errors);
        return new Deployment(snapshot, parameters);
    }
}

/// <summary>The two committed parameter files, each snapshotted once for all the wiring tests.</summary>
public sealed class ParameterFileSnapshots : IAsyncLifetime
{
    public static readonly string[] Files = ["clinic.parameters.json", "petstore.parameters.json"];

    private readonly Dictionary<string, Deployment> _deployments = [];

    public Deployment this[string file] => _deployments[file];

    public async Task InitializeAsync()
    {
        var snapshots = await Task.WhenAll(Files.Select(f => Deployment.SnapshotAsync(Deployment.FromParameterFile(f))));
        for (var i = 0; i < Files.Length; i++)
        {
            _deployments[Files[i]] = snapshots[i];
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
