using LeashBot.Content;
using LeashBot.Dialogs;
using LeashBot.Hosting;
using LeashBot.Safety;
using LeashBot.Tests.Support;
using LeashBot.Understanding;
using Microsoft.Extensions.DependencyInjection;

namespace LeashBot.Tests.Hosting;

/// <summary>
/// The start-up warm-up builds the red-flag triage on a background thread: the host's start does not wait for it (it
/// was a quarter of the CPU before the first greeting), it is built once, and whoever needs it gets that same build.
/// </summary>
public sealed class WarmUpTests
{
    [Fact]
    public async Task The_red_flag_triage_is_built_in_the_background_once_and_start_up_does_not_wait_for_it()
    {
        var content = BotContent.Load(Path.Combine(RepoRoot.Path, "dialogs"));
        using var gate = new ManualResetEventSlim(false);
        using var entered = new ManualResetEventSlim(false);
        var builds = 0;
        var services = new ServiceCollection();
        services.AddSingleton(content);
        services.AddSingleton(TopicRecognizer.Build(content.Understanding));
        services.AddSingleton<TextRecognizers>();
        services.AddSingleton(_ =>
        {
            Interlocked.Increment(ref builds);
            entered.Set();
            gate.Wait(TimeSpan.FromMinutes(1));
            return RedFlagTriage.FromContent(content);
        });
        await using var provider = services.BuildServiceProvider();

        // Start-up returns while the triage's build is still held at the gate: it never waited for it.
        await new WarmUp(provider).StartAsync(CancellationToken.None);
        Assert.True(entered.Wait(TimeSpan.FromMinutes(1)), "the warm-up never started building the triage");
        Assert.False(gate.IsSet);

        gate.Set();
        var triage = provider.GetRequiredService<RedFlagTriage>();
        Assert.Same(triage, provider.GetRequiredService<RedFlagTriage>());
        Assert.Equal(1, builds);
        Assert.True(triage.Read("she ate a lily leaf and is drooling").IsRedFlag);
    }
}
