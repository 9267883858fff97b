using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LeashBot.Storage;

/// <summary>How every part of LeashBot takes its settings: one section of configuration, one options class.</summary>
public static class SettingsSections
{
    /// <summary>
    /// Binds <typeparamref name="TOptions"/> to the configuration section <paramref name="section"/> (the whole
    /// configuration when null) and checks it at start-up: its data annotations and its own <c>Validate</c> when it is an
    /// <see cref="System.ComponentModel.DataAnnotations.IValidatableObject"/>. A wrong setting stops the host with a message
    /// naming it. Returns the builder for checks that need other options.
    /// </summary>
    public static OptionsBuilder<TOptions> AddSettings<TOptions>(this IServiceCollection services, IConfiguration configuration, string? section)
        where TOptions : class
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services.AddOptions<TOptions>()
            .Bind(section is null ? configuration : configuration.GetSection(section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
    }
}
