using LeashBot.Dialogs;
using LeashBot.Understanding;

namespace LeashBot.Hosting;

/// <summary>
/// Builds the recognizers when the host starts rather than on the first message that needs them.
/// The number and duration models compile thousands of regular expressions, so they are built on a
/// background thread: the host answers its first greeting meanwhile, and a turn that needs them waits.
/// The semantic reader's sentence model, when it is on, is loaded before the host takes its first message.
/// </summary>
public sealed class WarmUp(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        services.GetRequiredService<TopicRecognizer>();

        // The sentence model loads once per process (about a second) and answers once, before any owner's turn.
        services.GetService<SemanticDecision>()?.Reader.WarmUp();
        _ = Task.Run(() => services.GetRequiredService<TextRecognizers>(), CancellationToken.None);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
