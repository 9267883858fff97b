using System.Globalization;

namespace LeashBot.Reliability;

/// <summary>Sizes of the suite's runs, from the environment; the defaults are CI's quick mode.</summary>
public static class SuiteSettings
{
    public static int Read(string name, int quick) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : quick;
}
