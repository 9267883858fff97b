using System.Globalization;

namespace LeashBot.LoadTest;

internal sealed class Options
{
    public const string Usage = """
        LeashBot load test: drives the real host (and a bare echo bot as the baseline) over HTTP.

        usage: dotnet run --project tests/LeashBot.LoadTest -c Release -- [options]

          --quick                 CI check (<= 60 s): LeashBot's scripted and free-text mixes on Memory and SQLite,
                                  echo on Memory, 16 concurrent conversations; exits non-zero on any error; no timing
                                  assertions.
          --concurrency N         simultaneous conversations (default 32)
          --duration S            measured seconds per run (default 10)
          --warmup S              warm-up seconds per run, not measured (default 3)
          --rounds N              runs per bot, mix and provider, alternating LeashBot, echo, ... (default 2)
          --mixes LIST            any of scripted,free-text,long (default all three):
                                    scripted   answers to prompts: checklist, troubleshooting, check-ins
                                    free-text  questions while follow-ups are pending, small talk, corrections, two cats
                                    long       one conversation of 1,000 free-text turns per owner
          --providers LIST        any of memory,sqlite,blob (default all three)
          --blob-mixes LIST       the mixes also run on blob (default scripted: Azurite is slow and noisy here)
          --target URL            drive a LeashBot that is already running (e.g. under a profiler) with the first
                                  mix, for --duration seconds; no echo bot, no report
          --cold-starts N         process starts per bot for the cold-start median (default 5; 0 = skip)
          --cold-start-provider P store for the cold starts (default sqlite, LeashBot's default)
          --reminders N           instead of the load runs: N owners ask for a reminder at the same minute, two
                                  LeashBot processes on one store send them, one is killed (SIGKILL) mid-way and
                                  restarted; reports sent within the minute, lost, twice-posted, the last arrival
          --reminder-stores LIST  the stores of --reminders runs, one run each: sqlite (the queue is a table in the
                                  file), blob (Azurite's Blob service: due blobs taken with Blob leases); default both
          --reminder-routes LIST  how the reminders go: connector (Teams through a simulated Bot Framework
                                  connector), twilio (the direct SMS route: a simulated Twilio Messages API with its
                                  message log); default connector
          --reminder-policies LIST  on the connector route, what an instance does with a send the kill left
                                  unconfirmed (Reminders:WhenUnconfirmed): skip, resend; default skip (the default
                                  setting). Twilio's route asks Twilio's log instead, so it runs once
          --no-echo               LeashBot only
          --json                  print the report as JSON on stdout (progress goes to stderr)
          --json-out FILE         also write the JSON report to FILE
          --leashbot-dll PATH     host DLLs (default: the builds of the referenced projects)
          --echo-dll PATH
        """;

    public bool Quick { get; private set; }
    public int Reminders { get; private set; }
    public IReadOnlyList<string> ReminderStores { get; private set; } = ["sqlite", "blob"];
    public IReadOnlyList<string> ReminderRoutes { get; private set; } = ["connector"];
    public IReadOnlyList<string> ReminderPolicies { get; private set; } = ["skip"];
    public int Concurrency { get; private set; } = 32;
    public TimeSpan Duration { get; private set; } = TimeSpan.FromSeconds(10);
    public TimeSpan WarmUp { get; private set; } = TimeSpan.FromSeconds(3);
    public int Rounds { get; private set; } = 2;
    public IReadOnlyList<string> Mixes { get; private set; } = [Scenarios.ScriptedMix, Scenarios.FreeTextMix, Scenarios.LongMix];
    public IReadOnlyList<string> Providers { get; private set; } = ["memory", "sqlite", "blob"];
    public IReadOnlyList<string> BlobMixes { get; private set; } = [Scenarios.ScriptedMix];
    public Uri? Target { get; private set; }
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
                    options.WarmUp = TimeSpan.FromSeconds(1);
                    options.Duration = TimeSpan.FromSeconds(4);
                    options.Rounds = 1;
                    options.Providers = ["memory", "sqlite"];
                    options.Mixes = [Scenarios.ScriptedMix, Scenarios.FreeTextMix];
                    options.ColdStarts = 1;
                    break;
                case "--concurrency": options.Concurrency = Int(); break;
                case "--reminders": options.Reminders = Int(); break;
                case "--reminder-stores": options.ReminderStores = List(Value()); break;
                case "--reminder-routes": options.ReminderRoutes = List(Value()); break;
                case "--reminder-policies": options.ReminderPolicies = List(Value()); break;
                case "--duration": options.Duration = Seconds(); break;
                case "--warmup": options.WarmUp = Seconds(); break;
                case "--rounds": options.Rounds = Int(); break;
                case "--providers": options.Providers = List(Value()); break;
                case "--mixes": options.Mixes = List(Value()); break;
                case "--blob-mixes": options.BlobMixes = List(Value()); break;
                case "--target": options.Target = new Uri(Value().TrimEnd('/') + "/", UriKind.Absolute); break;
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

        if (options.ReminderStores.Count == 0 || options.ReminderStores.Any(s => s is not ("sqlite" or "blob")))
        {
            throw new ArgumentException("--reminder-stores takes sqlite, blob or both.");
        }

        if (options.ReminderRoutes.Count == 0 || options.ReminderRoutes.Any(r => r is not ("connector" or "twilio")))
        {
            throw new ArgumentException("--reminder-routes takes connector, twilio or both.");
        }

        if (options.ReminderPolicies.Count == 0 || options.ReminderPolicies.Any(p => p is not ("skip" or "resend")))
        {
            throw new ArgumentException("--reminder-policies takes skip, resend or both.");
        }

        foreach (var mix in options.Mixes.Concat(options.BlobMixes))
        {
            _ = Scenarios.MixNamed(mix);
        }

        if (options.Mixes.Count == 0)
        {
            throw new ArgumentException("Name at least one mix.");
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

    /// <summary>The mixes a provider runs: Blob only runs <see cref="BlobMixes"/>.</summary>
    public IEnumerable<string> MixesOn(string provider) => provider == "blob" ? Mixes.Where(BlobMixes.Contains) : Mixes;

    private static string[] List(string value) =>
        value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(p => p.ToLowerInvariant()).ToArray();
}

internal sealed class HelpRequestedException : Exception
{
}
