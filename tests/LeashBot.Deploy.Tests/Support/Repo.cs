namespace LeashBot.Deploy.Tests.Support;

/// <summary>Paths in the repository, found by walking up to LeashBot.sln.</summary>
public static class Repo
{
    public static string Root { get; } = Find();

    public static string Templates => Path.Combine(Root, "deploymentTemplates", "azure");

    public static string MainBicep => Path.Combine(Templates, "main.bicep");

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LeashBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("LeashBot.sln not found above " + AppContext.BaseDirectory);
    }
}
