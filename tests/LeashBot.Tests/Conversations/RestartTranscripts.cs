using LeashBot.Tests.Storage;
using LeashBot.Tests.Support;

namespace LeashBot.Tests.Conversations;

/// <summary>
/// The host restarts mid-checklist and mid-plan, on SQLite (<see cref="SqliteRestartTranscripts"/>) and on Blob
/// (<see cref="BlobRestartTranscripts"/>, a real Azurite): nothing is lost.
/// </summary>
public abstract class RestartTranscripts
{
    /// <summary>Settings for one deployment: two hosts started on them share the store.</summary>
    protected abstract Dictionary<string, string?> Settings();

    [SkippableFact]
    public async Task Restarting_mid_checklist_picks_up_at_the_same_question()
    {
        var settings = Settings();
        using (var first = new BotHost(settings))
        {
            var owner = first.NewOwner(userId: "restart-" + GetType().Name, conversationId: "checklist-" + GetType().Name);
            await owner.SaysAsync("is my cat ready?");
            await owner.SaysAsync("Olive");
            await owner.SaysAsync("yes");
            (await owner.SaysAsync("yes")).Says("curious");
        }

        using var second = new BotHost(settings);
        var again = second.NewOwner(userId: "restart-" + GetType().Name, conversationId: "checklist-" + GetType().Name);
        (await again.SaysAsync("yes")).Says("handled");
    }

    [SkippableFact]
    public async Task Restarting_mid_plan_keeps_the_step_and_a_half_told_session()
    {
        var settings = Settings();
        using (var first = new BotHost(settings))
        {
            var owner = first.NewOwner(userId: "plan-" + GetType().Name, conversationId: "plan-" + GetType().Name);
            await owner.SaysAsync("start training");
            await owner.SaysAsync("Milo");
            await owner.SaysAsync("10 minutes, relaxed");
            await owner.SaysAsync("yes");
            (await owner.SaysAsync("we just did a session")).Says("How long");
        }

        using var second = new BotHost(settings);
        var again = second.NewOwner(userId: "plan-" + GetType().Name, conversationId: "plan-" + GetType().Name);
        (await again.SaysAsync("about 5 minutes")).Says("How did Milo seem");
        (await again.SaysAsync("relaxed and happy")).Says("Shall I move Milo on to step 3");
        (await again.SaysAsync("yes")).Says("on to step 3");
    }
}

public sealed class SqliteRestartTranscripts : RestartTranscripts
{
    protected override Dictionary<string, string?> Settings() => new() { ["Storage:Sqlite:Path"] = Path.Combine(TempFolder.Create(), "leashbot.db") };
}

public sealed class BlobRestartTranscripts(AzuriteFixture azurite) : RestartTranscripts, IClassFixture<AzuriteFixture>
{
    protected override Dictionary<string, string?> Settings() => new()
    {
        ["Storage:Provider"] = "Blob",
        ["Storage:Blob:ConnectionString"] = azurite.ConnectionString,
        ["Storage:Blob:Container"] = "restart-" + Guid.NewGuid().ToString("N")[..12],
    };
}
