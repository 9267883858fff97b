using LeashBot.Safety;
using LeashBot.Understanding;

namespace LeashBot.Hosting;

/// <summary>
/// Builds the recognizers when the host starts rather than on the first message that needs them.
/// The number and duration models compile thousands of regular expressions, and the red-flag triage stems every word
/// of its content for its typo index (about a quarter of the CPU from process start to the first greeting), so both
/// are built on background threads: the host starts meanwhile, and a turn that needs one waits for that same build.
/// The semantic reader's sentence model, when it is on, is loaded before the host takes its first message.
/// Once both builds are done, a short conversation runs through the whole turn path (<see cref="WarmUpTurns"/>), still
/// in the background, so the first owners' turns don't wait for it to compile.
/// </summary>
public sealed class WarmUp(IServiceProvider services) : IHostedService
{
    /// <summary>The warm-up conversation (<see cref="WarmUpTurns"/>): done at once when there is none.</summary>
    public Task Turns { get; private set; } = Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var triage = Task.Run(() => services.GetRequiredService<RedFlagTriage>(), CancellationToken.None);
        services.GetRequiredService<TopicRecognizer>();

        // The sentence model loads once per process (about a second) and answers once, before any owner's turn.
        services.GetService<SemanticDecision>()?.Reader.WarmUp();
        var numbers = Task.Run(() => services.GetRequiredService<TextRecognizers>(), CancellationToken.None);
        if (WarmUpTurns.For(services) is { } turns)
        {
            Turns = Task.WhenAll(triage, numbers).ContinueWith(_ => turns.RunAsync(Stopping), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default).Unwrap();
        }

        return Task.CompletedTask;
    }

    /// <summary>The warm-up conversation stops with the host (its stopping token is cancelled before any service stops); this waits for it.</summary>
    public async Task StopAsync(CancellationToken cancellationToken) =>
        await Turns.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);

    private CancellationToken Stopping => services.GetService<IHostApplicationLifetime>()?.ApplicationStopping ?? CancellationToken.None;
}
