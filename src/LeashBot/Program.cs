using LeashBot.Hosting;

try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddLeashBot();

    var app = builder.Build();
    app.ValidateSettings();
    app.MapLeashBot();
    app.Run();
    return 0;
}
catch (Exception ex) when (StartupProblem.Describe(ex) is { } problem)
{
    // A wrong setting or content file is the operator's to fix: one line naming it, not a stack trace.
    Console.Error.WriteLine("LeashBot can't start: " + problem);
    return 1;
}

/// <summary>The web host; public so the tests' WebApplicationFactory can start it.</summary>
public partial class Program;
