using LeashBot.Safety;
using LeashBot.Understanding;

namespace LeashBot.Hosting;

/// <summary>
/// Builds the recognizers when the host starts rather than on the first message that needs them.
/// The number and duration models compile thousands of regular expressions, and the red-flag triage stems every word
/// of its content for its typo index (about a quarter of the CPU from process start to the first greeting), so both
/// are built on background threads: the host starts meanwhile, and a turn that needs one waits for that same build.
/// The semantic reader's sentence model, when it is on, is loaded before the host takes its first message.
/// </summary>
public sealed class WarmUp(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = Task.Run(() => services.GetRequiredService<RedFlagTriage>(), CancellationToken.None);
        services.GetRequiredService<TopicRecognizer>();

        // The sentence model loads once per process (about a second) and answers once, before any owner's turn.
        services.GetService<SemanticDecision>()?.Reader.WarmUp();
        _ = Task.Run(() => services.GetRequiredService<TextRecognizers>(), CancellationToken.None);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
