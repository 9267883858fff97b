namespace LeashBot.Deploy.Tests.Support;

/// <summary>Paths of the deployment templates in the repository.</summary>
public static class Repo
{
    public static string Root => RepoRoot.Path;

    public static string Templates => Path.Combine(Root, "deploymentTemplates", "azure");

    public static string MainBicep => Path.Combine(Templates, "main.bicep");
}
