using LeashBot.TeamsPackage;

// dotnet run --project deploymentTemplates/teams -- --MicrosoftAppId <guid> --WebsiteUrl https://... --PrivacyUrl https://...
try
{
    var settings = TeamsAppSettings.Load(Path.Combine(AppContext.BaseDirectory, "teams-app.json"), args);
    var zip = TeamsAppPackage.Build(settings);
    Console.WriteLine($"Teams app package: {zip}");
    return 0;
}
catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or IOException or System.Text.Json.JsonException)
{
    Console.Error.WriteLine(ex.Message);
    return 1;
}
