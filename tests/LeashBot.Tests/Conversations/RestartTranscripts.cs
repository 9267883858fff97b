using LeashBot.Tests.Storage;
using LeashBot.Tests.Support;

namespace LeashBot.Tests.Conversations;

/// <summary>The host restarts mid-checklist and mid-plan, on SQLite and on Blob (a real Azurite): nothing is lost.</summary>
public sealed class RestartTranscripts(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Blob")]
    public async Task Restarting_mid_checklist_picks_up_at_the_same_question(string provider)
    {
        var settings = Settings(provider);
        using (var first = new BotHost(settings))
        {
            var owner = first.NewOwner(userId: "restart-" + provider, conversationId: "checklist-" + provider);
            await owner.SaysAsync("is my cat ready?");
            await owner.SaysAsync("Olive");
            await owner.SaysAsync("yes");
            (await owner.SaysAsync("yes")).Says("curious");
        }

        using var second = new BotHost(settings);
        var again = second.NewOwner(userId: "restart-" + provider, conversationId: "checklist-" + provider);
        (await again.SaysAsync("yes")).Says("handled");
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Blob")]
    public async Task Restarting_mid_plan_keeps_the_step_and_a_half_told_session(string provider)
    {
        var settings = Settings(provider);
        using (var first = new BotHost(settings))
        {
            var owner = first.NewOwner(userId: "plan-" + provider, conversationId: "plan-" + provider);
            await owner.SaysAsync("start training");
            await owner.SaysAsync("Milo");
            await owner.SaysAsync("10 minutes, relaxed");
            (await owner.SaysAsync("we just did a session")).Says("How long");
        }

        using var second = new BotHost(settings);
        var again = second.NewOwner(userId: "plan-" + provider, conversationId: "plan-" + provider);
        (await again.SaysAsync("about 5 minutes")).Says("How did Milo seem");
        (await again.SaysAsync("relaxed and happy")).Says("on to step 3");
    }

    private Dictionary<string, string?> Settings(string provider) => provider == "Blob"
        ? new()
        {
            ["Storage:Provider"] = "Blob",
            ["Storage:Blob:ConnectionString"] = azurite.ConnectionString,
            ["Storage:Blob:Container"] = "restart-" + Guid.NewGuid().ToString("N")[..12],
        }
        : new() { ["Storage:Sqlite:Path"] = Path.Combine(TempFolder.Create(), "leashbot.db") };
}
