using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LeashBot.Channels.DirectLine;
using LeashBot.Deploy.Tests.Support;
using LeashBot.Content;
using LeashBot.Hosting;
using LeashBot.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LeashBot.Deploy.Tests;

/// <summary>
/// What main.bicep deploys for the clinic's and the pet store's parameter files, as the real Bicep CLI's snapshot
/// predicts it (nothing reaches Azure): the bot calls the web app, the web app's settings are LeashBot's own and
/// start the real host, and the state container is the one the app uses.
/// </summary>
public sealed partial class WiringTests(ParameterFileSnapshots snapshots) : IClassFixture<ParameterFileSnapshots>
{
    /// <summary>Settings the template gives the platform rather than LeashBot, and why.</summary>
    private static readonly Dictionary<string, string> PlatformSettings = new(StringComparer.Ordinal)
    {
        ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = "Application Insights' agent",
        ["ApplicationInsightsAgent_EXTENSION_VERSION"] = "turns Application Insights' agent on",
    };

    public static TheoryData<string> ParameterFiles() => new(ParameterFileSnapshots.Files);

    [Theory, MemberData(nameof(ParameterFiles))]
    public void A_parameter_file_names_only_parameters_the_template_declares(string file)
    {
        var declared = JsonNode.Parse(File.ReadAllText(Path.ChangeExtension(Repo.MainBicep, ".json")))!["parameters"]!.AsObject().Select(p => p.Key).ToHashSet();
        var named = JsonNode.Parse(File.ReadAllText(Path.Combine(Repo.Templates, file)))!["parameters"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Contains("organizationName", named);
        Assert.Empty(named.Except(declared));

        // Secrets never sit in a committed parameter file.
        Assert.DoesNotContain("directLineTokenSigningKey", named);
        Assert.DoesNotContain("microsoftAppPassword", named);
        Assert.DoesNotContain("twilioAuthToken", named);
    }

    [Theory, MemberData(nameof(ParameterFiles))]
    public void The_bot_endpoint_is_the_web_apps_own_address_plus_api_messages(string file)
    {
        var deployment = snapshots[file];
        var site = deployment.Site;
        var endpoint = (string)deployment.Bot["properties"]!["endpoint"]!;
        Assert.Equal(
            $"[format('https://{{0}}/api/messages', reference({Deployment.IdOf(site)}, '{(string)site["apiVersion"]!}').defaultHostName)]",
            endpoint);
        Assert.Equal((string)deployment.Parameters["appName"]!, (string)site["name"]!);
    }

    [Theory, MemberData(nameof(ParameterFiles))]
    public void Every_app_setting_is_a_LeashBot_setting_or_a_named_platform_one(string file)
    {
        var known = LeashBotSettingNames();
        Assert.Contains("Storage:Blob:Container", known);

        var settings = snapshots[file].AppSettings;
        Assert.NotEmpty(settings);
        foreach (var name in settings.Keys)
        {
            if (PlatformSettings.ContainsKey(name))
            {
                continue;
            }

            // App Service settings spell ':' as '__' (Linux environment variables); array items end in __<index>.
            var parts = name.Split("__");
            var key = string.Join(':', parts.Where(p => !p.All(char.IsAsciiDigit)));
            Assert.True(known.Contains(key), $"app setting {name} ({key}) is not a setting in src/LeashBot/appsettings.json");
        }
    }

    [Theory, MemberData(nameof(ParameterFiles))]
    public void The_app_believes_the_forwarded_scheme_and_client_from_App_Services_front_ends(string file)
    {
        // App Service ends TLS in front of the app: without these the stream URL of an https page would be ws://.
        var settings = snapshots[file].AppSettings;
        Assert.Equal("0.0.0.0/0", settings["ForwardedHeaders__KnownNetworks__0"]);
        Assert.Equal("::/0", settings["ForwardedHeaders__KnownNetworks__1"]);
    }

    [Theory, MemberData(nameof(ParameterFiles))]
    public void The_state_container_is_the_one_the_app_is_told_to_use_reached_with_the_apps_own_identity(string file)
    {
        var deployment = snapshots[file];
        var settings = deployment.AppSettings;
        var container = deployment.OnlyOne("Microsoft.Storage/storageAccounts/blobServices/containers");
        var containerName = ((string)container["name"]!).Split('/')[^1];
        Assert.Equal("leashbot-state", containerName);
        Assert.Equal(containerName, settings["Storage__Blob__Container"]);
        Assert.Equal("Blob", settings["Storage__Provider"]);
        Assert.DoesNotContain("Storage__Blob__ConnectionString", settings.Keys);

        var account = deployment.OnlyOne("Microsoft.Storage/storageAccounts");
        Assert.StartsWith((string)account["name"]! + "/", (string)container["name"]!, StringComparison.Ordinal);
        Assert.Contains(Deployment.IdOf(account), settings["Storage__Blob__AccountUrl"], StringComparison.Ordinal);
        Assert.EndsWith(".primaryEndpoints.blob]", settings["Storage__Blob__AccountUrl"], StringComparison.Ordinal);
        Assert.False((bool)account["properties"]!["allowSharedKeyAccess"]!);

        // The identity whose client id the app signs in with is the one on the site and the one granted the data role.
        var identity = deployment.OnlyOne("Microsoft.ManagedIdentity/userAssignedIdentities");
        var identityId = Deployment.IdOf(identity);
        Assert.StartsWith($"[reference({identityId}, ", settings["Storage__Blob__ManagedIdentityClientId"], StringComparison.Ordinal);
        Assert.EndsWith(".clientId]", settings["Storage__Blob__ManagedIdentityClientId"], StringComparison.Ordinal);
        Assert.Equal([(string)identity["id"]!], deployment.Site["identity"]!["userAssignedIdentities"]!.AsObject().Select(p => p.Key));
        var grant = deployment.OnlyOne("Microsoft.Authorization/roleAssignments");
        Assert.Contains(identityId, (string)grant["properties"]!["principalId"]!, StringComparison.Ordinal);
        Assert.EndsWith("/providers/Microsoft.Authorization/roleDefinitions/ba92f5b4-2d11-453d-a403-e96b0029c9fe", (string)grant["properties"]!["roleDefinitionId"]!, StringComparison.Ordinal); // Storage Blob Data Contributor
    }

    [Theory, MemberData(nameof(ParameterFiles))]
    public void The_web_app_runs_dotnet_10_on_Linux_always_on_with_healthz_as_its_health_check(string file)
    {
        var site = snapshots[file].Site;
        var config = site["properties"]!["siteConfig"]!;
        Assert.Equal("DOTNETCORE|10.0", (string?)config["linuxFxVersion"]);
        Assert.Equal("dotnet LeashBot.dll", (string?)config["appCommandLine"]); // what `dotnet publish src/LeashBot` produces
        Assert.True((bool)config["alwaysOn"]!);
        Assert.Equal("/healthz", (string?)config["healthCheckPath"]);
        Assert.True((bool)config["webSocketsEnabled"]!);
        Assert.True((bool)site["properties"]!["httpsOnly"]!);
        Assert.Equal("app,linux", (string?)site["kind"]);
        Assert.True((bool)snapshots[file].OnlyOne("Microsoft.Web/serverfarms")["properties"]!["reserved"]!);
    }

    [Theory, MemberData(nameof(ParameterFiles))]
    public void The_bot_has_Web_Chat_Direct_Line_and_Teams_and_no_SMS_without_a_number(string file)
    {
        var deployment = snapshots[file];
        Assert.Equal(["DirectLineChannel", "MsTeamsChannel", "WebChatChannel"], deployment.Channels.Order());
        Assert.Equal("UserAssignedMSI", (string?)deployment.Bot["properties"]!["msaAppType"]);
        Assert.Equal(Bicep.Tenant, (string?)deployment.Bot["properties"]!["msaAppTenantId"]);
        Assert.Equal(deployment.AppSettings["MicrosoftAppId"], (string?)deployment.Bot["properties"]!["msaAppId"]);
        Assert.Equal((string?)deployment.OnlyOne("Microsoft.ManagedIdentity/userAssignedIdentities")["id"], (string?)deployment.Bot["properties"]!["msaAppMSIResourceId"]);
    }

    [Theory, MemberData(nameof(ParameterFiles))]
    public async Task The_deployed_settings_start_the_real_host_with_the_organization_origins_and_container(string file)
    {
        var deployment = snapshots[file];
        var settings = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (name, value) in deployment.AppSettings)
        {
            if (PlatformSettings.ContainsKey(name))
            {
                continue;
            }

            // Secure parameters stay expressions in a snapshot; values from other resources are filled in as Azure would.
            settings[name.Replace("__", ":", StringComparison.Ordinal)] = value switch
            {
                _ when SecureParameter().Match(value) is { Success: true } secure => (string?)deployment.Parameters[secure.Groups[1].Value],
                _ when value.EndsWith(".clientId]", StringComparison.Ordinal) => "5f0e2c1a-8a51-4c36-9a43-6c7f1f3e2b10",
                _ when value.EndsWith(".primaryEndpoints.blob]", StringComparison.Ordinal) => "https://leashbotstate.blob.core.windows.net/",
                _ when value.StartsWith('[') => throw new InvalidOperationException($"{name} = {value}: an expression this test does not know"),
                _ => value,
            };
        }

        await using var factory = new WebApplicationFactory<Program>();
        await using var host = factory.WithWebHostBuilder(builder =>
        {
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        });
        using var client = host.CreateClient(); // start-up validates every options class and fails naming a wrong setting

        var organization = host.Services.GetRequiredService<IOptions<OrganizationOptions>>().Value;
        Assert.Equal((string)deployment.Parameters["organizationName"]!, organization.Name);
        Assert.Equal((string?)deployment.Parameters["organizationOpeningHours"], organization.OpeningHours);
        Assert.NotNull(organization.ReadHours()); // the hours the parameter file gives are ones the bot can read
        Assert.Equal((string?)deployment.Parameters["organizationTimeZone"], organization.ReadTimeZone().Id);
        var storage = host.Services.GetRequiredService<IOptions<StorageOptions>>().Value;
        Assert.True(storage.IsProvider(StorageOptions.BlobProvider));
        Assert.Equal("leashbot-state", storage.Blob.Container);
        Assert.Equal("https://leashbotstate.blob.core.windows.net/", storage.Blob.AccountUrl);
        Assert.Equal(deployment.Parameters["webChatAllowedOrigins"]!.AsArray().Select(o => (string)o!), host.Services.GetRequiredService<IOptions<WebChatOptions>>().Value.AllowedOrigins);
        Assert.Equal(32, Convert.FromBase64String(host.Services.GetRequiredService<IOptions<DirectLineOptions>>().Value.TokenSigningKey!).Length);
        var auth = host.Services.GetRequiredService<IOptions<BotAuthenticationOptions>>().Value;
        Assert.Equal("UserAssignedMSI", auth.MicrosoftAppType);
        Assert.Equal(Bicep.Tenant, auth.MicrosoftAppTenantId);
    }

    [GeneratedRegex(@"^\[parameters\('(\w+)'\)\]$")]
    private static partial Regex SecureParameter();

    /// <summary>Every setting name in the app's own appsettings.json, ':'-separated (an array is one setting).</summary>
    internal static HashSet<string> LeashBotSettingNames()
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        void Walk(JsonNode? node, string prefix)
        {
            if (node is JsonObject obj)
            {
                foreach (var (key, value) in obj)
                {
                    Walk(value, prefix.Length == 0 ? key : $"{prefix}:{key}");
                }
            }
            else
            {
                names.Add(prefix);
            }
        }

        Walk(JsonNode.Parse(File.ReadAllText(Path.Combine(Repo.Root, "src", "LeashBot", "appsettings.json"))), "");
        return names;
    }
}
