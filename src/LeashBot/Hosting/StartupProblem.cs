namespace LeashBot.Hosting;

/// <summary>Start-up failures an operator fixes in settings or content, told in one line.</summary>
public static class StartupProblem
{
    /// <summary>
    /// Checks every validated settings section now, before the host starts listening, so a wrong setting
    /// surfaces as one <see cref="OptionsValidationException"/> instead of a hosting failure logged with its stack.
    /// </summary>
    public static void ValidateSettings(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Services.GetRequiredService<IStartupValidator>().Validate();
    }

    /// <summary>The one-line description of a failure caused by settings or content; null for anything else (it is a bug, and keeps its stack).</summary>
    public static string? Describe(Exception exception) => exception switch
    {
        OptionsValidationException options => string.Join(" ", options.Failures.Select(Reason)),
        InvalidOperationException binding when binding.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal) => binding.Message,
        ContentException content => content.Message,
        AggregateException { InnerExceptions.Count: 1 } aggregate => Describe(aggregate.InnerExceptions[0]),
        IOException io when io.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException => io.Message,
        _ => null,
    };

    /// <summary>
    /// Data-annotation failures wrap the message in boilerplate that names the options class and member. Where our
    /// own message already names the setting ("Organization:Name is required: …") keep just that; else keep it all.
    /// </summary>
    private static string Reason(string failure)
    {
        const string marker = "with the error: '";
        var at = failure.IndexOf(marker, StringComparison.Ordinal);
        var own = at < 0 ? failure : failure[(at + marker.Length)..].TrimEnd('.', '\'', ' ');
        return own.Contains(':', StringComparison.Ordinal) ? own.Trim() : failure.Trim();
    }
}
