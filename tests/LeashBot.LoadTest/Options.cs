using System.Globalization;

namespace LeashBot.LoadTest;

internal sealed class Options
{
    public const string Usage = """
        LeashBot load test: drives the real host (and a bare echo bot as the baseline) over HTTP.

        usage: dotnet run --project tests/LeashBot.LoadTest -c Release -- [options]

          --quick                 CI check (<= 60 s): LeashBot on Memory and SQLite, echo on Memory, 16 concurrent
                                  conversations; exits non-zero on any error; no timing assertions.
          --concurrency N         simultaneous conversations (default 32)
          --duration S            measured seconds per run (default 15)
          --warmup S              warm-up seconds per run, not measured (default 5)
          --rounds N              runs per bot and provider, alternating LeashBot, echo, ... (default 2)
          --providers LIST        any of memory,sqlite,blob (default all three)
          --cold-starts N         process starts per bot for the cold-start median (default 5; 0 = skip)
          --cold-start-provider P store for the cold starts (default sqlite, LeashBot's default)
          --no-echo               LeashBot only
          --json                  print the report as JSON on stdout (progress goes to stderr)
          --json-out FILE         also write the JSON report to FILE
          --leashbot-dll PATH     host DLLs (default: the builds of the referenced projects)
          --echo-dll PATH
        """;

    public bool Quick { get; private set; }
    public int Concurrency { get; private set; } = 32;
    public TimeSpan Duration { get; private set; } = TimeSpan.FromSeconds(15);
    public TimeSpan WarmUp { get; private set; } = TimeSpan.FromSeconds(5);
    public int Rounds { get; private set; } = 2;
    public IReadOnlyList<string> Providers { get; private set; } = ["memory", "sqlite", "blob"];
    public int ColdStarts { get; private set; } = 5;
    public string ColdStartProvider { get; private set; } = "sqlite";
    public bool Echo { get; private set; } = true;
    public bool Json { get; private set; }
    public string? JsonOut { get; private set; }
    public string? LeashBotDll { get; private set; }
    public string? EchoDll { get; private set; }

    public static Options Parse(string[] args)
    {
        var options = new Options();
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            int Int() => int.Parse(Value(), CultureInfo.InvariantCulture);
            TimeSpan Seconds() => TimeSpan.FromSeconds(double.Parse(Value(), CultureInfo.InvariantCulture));

            switch (args[i])
            {
                case "--quick":
                    options.Quick = true;
                    options.Concurrency = 16;
                    options.WarmUp = TimeSpan.FromSeconds(2);
                    options.Duration = TimeSpan.FromSeconds(8);
                    options.Rounds = 1;
                    options.Providers = ["memory", "sqlite"];
                    options.ColdStarts = 1;
                    break;
                case "--concurrency": options.Concurrency = Int(); break;
                case "--duration": options.Duration = Seconds(); break;
                case "--warmup": options.WarmUp = Seconds(); break;
                case "--rounds": options.Rounds = Int(); break;
                case "--providers":
                    options.Providers = Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                        .Select(p => p.ToLowerInvariant()).ToArray();
                    break;
                case "--cold-starts": options.ColdStarts = Int(); break;
                case "--cold-start-provider": options.ColdStartProvider = Value().ToLowerInvariant(); break;
                case "--no-echo": options.Echo = false; break;
                case "--json": options.Json = true; break;
                case "--json-out": options.JsonOut = Value(); break;
                case "--leashbot-dll": options.LeashBotDll = Value(); break;
                case "--echo-dll": options.EchoDll = Value(); break;
                case "-h" or "--help": throw new HelpRequestedException();
                default: throw new ArgumentException($"Unknown option {args[i]}.");
            }
        }

        string[] known = ["memory", "sqlite", "blob"];
        foreach (var provider in options.Providers.Append(options.ColdStartProvider))
        {
            if (!known.Contains(provider))
            {
                throw new ArgumentException($"Unknown provider '{provider}': use memory, sqlite or blob.");
            }
        }

        if (options.Concurrency < 1 || options.Rounds < 1 || options.Duration <= TimeSpan.Zero || options.WarmUp < TimeSpan.Zero || options.ColdStarts < 0)
        {
            throw new ArgumentException("Concurrency, rounds and duration must be positive; warm-up and cold starts not negative.");
        }

        if (options.Duration > TimeSpan.FromMinutes(10) || options.Concurrency > 1024)
        {
            throw new ArgumentException("Load is bounded: at most 10 minutes per run and 1024 concurrent conversations.");
        }

        return options;
    }
}

internal sealed class HelpRequestedException : Exception
{
}
