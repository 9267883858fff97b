using System.Text.Json.Nodes;
using LeashBot.Deploy.Tests.Support;

namespace LeashBot.Deploy.Tests;

/// <summary>The choices main.bicep refuses or adapts to, checked by snapshotting it with the real Bicep CLI.</summary>
public sealed class ParameterRuleTests
{
    [Fact]
    public async Task A_second_instance_with_the_built_in_Direct_Line_is_refused_with_the_reason()
    {
        var parameters = Deployment.FromParameterFile("petstore.parameters.json");
        parameters["instanceCount"] = 2;
        var (snapshot, errors) = await Bicep.SnapshotAsync(parameters);
        Assert.Null(snapshot);
        Assert.Contains("instanceCount > 1 needs webChatDirectLine = azure", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Several_instances_with_Azures_Direct_Line_scale_the_plan_out()
    {
        var parameters = Deployment.FromParameterFile("petstore.parameters.json");
        parameters["instanceCount"] = 3;
        parameters["webChatDirectLine"] = "azure";
        var deployment = await Deployment.SnapshotAsync(parameters);
        Assert.Equal(3, (int)deployment.OnlyOne("Microsoft.Web/serverfarms")["sku"]!["capacity"]!);
        Assert.False((bool)deployment.Site["properties"]!["clientAffinityEnabled"]!);

        // Azure's Direct Line only lets the pet store's own pages in.
        var site = deployment.Resources.Single(r => (string?)r["properties"]?["channelName"] == "DirectLineChannel")["properties"]!["properties"]!["sites"]![0]!;
        Assert.True((bool)site["isSecureSiteEnabled"]!);
        Assert.Equal(parameters["webChatAllowedOrigins"]!.ToJsonString(), site["trustedOrigins"]!.ToJsonString());
    }

    [Fact]
    public async Task An_SMS_number_without_its_Twilio_credentials_is_refused()
    {
        var parameters = Deployment.FromParameterFile("clinic.parameters.json");
        parameters["smsPhoneNumber"] = "+15550100199";
        parameters["twilioAccountSid"] = "AC0123456789abcdef0123456789abcdef";
        var (snapshot, errors) = await Bicep.SnapshotAsync(parameters);
        Assert.Null(snapshot);
        Assert.Contains("smsPhoneNumber needs twilioAccountSid and twilioAuthToken too", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_SMS_number_with_its_Twilio_credentials_adds_the_SMS_channel_and_a_reused_app_registration_signs_the_bot_in()
    {
        var parameters = Deployment.FromParameterFile("clinic.parameters.json");
        parameters["smsPhoneNumber"] = "+15550100199";
        parameters["twilioAccountSid"] = "AC0123456789abcdef0123456789abcdef";
        parameters["twilioAuthToken"] = "test-twilio-token-0123456789";
        parameters["microsoftAppType"] = "SingleTenant";
        parameters["microsoftAppId"] = "3d7f7a0e-5b8e-4c55-9b0f-2c4d0c1a9e77";
        parameters["microsoftAppPassword"] = "test-app-secret";
        var deployment = await Deployment.SnapshotAsync(parameters);

        var sms = deployment.Resources.Single(r => (string?)r["properties"]?["channelName"] == "SmsChannel")["properties"]!["properties"]!;
        Assert.Equal("+15550100199", (string?)sms["phone"]);
        Assert.Equal("[parameters('twilioAuthToken')]", (string?)sms["authToken"]); // secure: passed through, never written out

        var bot = deployment.Bot["properties"]!;
        Assert.Equal("SingleTenant", (string?)bot["msaAppType"]);
        Assert.Equal("3d7f7a0e-5b8e-4c55-9b0f-2c4d0c1a9e77", (string?)bot["msaAppId"]);
        Assert.Null(bot["msaAppMSIResourceId"]);
        var settings = deployment.AppSettings;
        Assert.Equal("3d7f7a0e-5b8e-4c55-9b0f-2c4d0c1a9e77", settings["MicrosoftAppId"]);
        Assert.Equal("[parameters('microsoftAppPassword')]", settings["MicrosoftAppPassword"]);
        Assert.Equal("SingleTenant", settings["MicrosoftAppType"]);
    }

    [Fact]
    public async Task Console_sign_in_with_Entra_ID_needs_the_staff_group_and_then_sets_the_consoles_settings()
    {
        var parameters = Deployment.FromParameterFile("clinic.parameters.json");
        parameters["consoleEntraClientId"] = "8a1c2e3f-4b5d-4e6f-9a7b-0c1d2e3f4a5b";
        parameters["consoleEntraClientSecret"] = "test-console-secret";
        var (refused, errors) = await Bicep.SnapshotAsync(parameters);
        Assert.Null(refused);
        Assert.Contains("consoleEntraClientId needs consoleEntraStaffGroupId too", errors, StringComparison.Ordinal);

        parameters["consoleEntraStaffGroupId"] = "0b6f7a1e-3c2d-4e5f-8a9b-1c2d3e4f5a6b";
        var settings = (await Deployment.SnapshotAsync(parameters)).AppSettings;
        Assert.Equal("8a1c2e3f-4b5d-4e6f-9a7b-0c1d2e3f4a5b", settings["Console__Entra__ClientId"]);
        Assert.Equal("[parameters('consoleEntraClientSecret')]", settings["Console__Entra__ClientSecret"]); // secure: passed through, never written out
        Assert.Equal("0b6f7a1e-3c2d-4e5f-8a9b-1c2d3e4f5a6b", settings["Console__Entra__StaffGroupId"]);
        Assert.Equal(settings["MicrosoftAppTenantId"], settings["Console__Entra__TenantId"]);

        // Without an app registration, no Entra settings: the console keeps its key and this-machine rules.
        var plain = (await Deployment.SnapshotAsync(Deployment.FromParameterFile("clinic.parameters.json"))).AppSettings;
        Assert.DoesNotContain(plain.Keys, k => k.StartsWith("Console__Entra__", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reminders_on_or_off_need_no_role_beyond_the_apps_Blob_role_on_the_state_account()
    {
        const string queueRole = "974c5e8b-45b9-4653-ba55-5f855dd0fb88"; // Storage Queue Data Contributor: queues are no longer used
        const string blobRole = "ba92f5b4-2d11-453d-a403-e96b0029c9fe"; // Storage Blob Data Contributor: the state and the due reminders
        static List<string> Roles(Deployment deployment) => [.. deployment.Resources
            .Where(r => (string?)r["type"] == "Microsoft.Authorization/roleAssignments")
            .Select(r => (string?)r["properties"]?["roleDefinitionId"] ?? "")];

        var parameters = Deployment.FromParameterFile("clinic.parameters.json");
        var off = await Deployment.SnapshotAsync(parameters);
        Assert.Equal("false", off.AppSettings["Reminders__Enabled"]);

        parameters["remindersEnabled"] = true;
        var on = await Deployment.SnapshotAsync(parameters);
        Assert.Equal("true", on.AppSettings["Reminders__Enabled"]);

        // The send journal sits on the share every instance mounts (/home), so any of them can read a dead one's.
        Assert.StartsWith("/home/", on.AppSettings["Reminders__SendJournalFolder"], StringComparison.Ordinal);
        foreach (var roles in new[] { Roles(off), Roles(on) })
        {
            Assert.DoesNotContain(roles, r => r.Contains(queueRole, StringComparison.Ordinal));
            Assert.Single(roles, r => r.Contains(blobRole, StringComparison.Ordinal));
        }

        Assert.Equal(Roles(off), Roles(on));
    }

    [Fact]
    public async Task A_signing_key_too_short_to_be_32_bytes_is_refused()
    {
        var parameters = Deployment.FromParameterFile("clinic.parameters.json");
        parameters["directLineTokenSigningKey"] = JsonValue.Create("c2hvcnQta2V5");
        var (snapshot, errors) = await Bicep.SnapshotAsync(parameters);
        Assert.Null(snapshot);
        Assert.Contains("too short", errors, StringComparison.Ordinal);
        Assert.Contains("minimum allowable length is 44", errors, StringComparison.Ordinal);
    }
}
