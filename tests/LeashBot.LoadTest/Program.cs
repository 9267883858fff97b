using System.Diagnostics;
using LeashBot.LoadTest;

Options options;
try
{
    options = Options.Parse(args);
}
catch (HelpRequestedException)
{
    Console.WriteLine(Options.Usage);
    return 0;
}
catch (Exception ex) when (ex is ArgumentException or FormatException)
{
    Console.Error.WriteLine("error: " + ex.Message);
    Console.Error.WriteLine(Options.Usage);
    return 2;
}

// Progress goes to stderr when stdout carries the JSON report.
var progress = options.Json ? Console.Error : Console.Out;
void Log(string line) => progress.WriteLine(line);

if (options.Reminders > 0)
{
    return await RemindersAsync();
}

return options.Target is not null ? await AttachedAsync(options.Target) : options.Quick ? await QuickAsync() : await FullAsync();

async Task<int> RemindersAsync()
{
    var failed = 0;
    var runs = new List<ReminderRun>();
    var plans = from store in options.ReminderStores
                from route in options.ReminderRoutes
                from policy in route == ReminderBenchmark.Twilio ? options.ReminderPolicies.Take(1) : options.ReminderPolicies
                select (store, route, policy);
    foreach (var (store, route, policy) in plans)
    {
        try
        {
            var benchmark = new ReminderBenchmark(HostDlls.Find("LeashBot", options.LeashBotDll), options.Reminders, store, route, policy, Log);
            failed += await benchmark.RunAsync();
            runs.Add(benchmark.Result!);
        }
        catch (SetupException ex)
        {
            Log("error: " + ex.Message);
            failed++;
        }

        Log("");
    }

    Log("| store | route | unconfirmed sends | reminders | sent within the minute | last at (after due) | dup | lost | load (1 min, at due–end) |");
    Log("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
    foreach (var run in runs)
    {
        Log($"| {run.Store} | {run.Route} | {run.Policy} | {run.Reminders:N0} | {run.WithinMinute:N0} | {run.LastAfterDueSeconds:0.0} s | {run.PostedTwice} | {run.Lost} | {run.Load} |");
    }

    return failed == 0 ? 0 : 1;
}

async Task<int> FullAsync()
{
    var clock = Stopwatch.StartNew();
    try
    {
        await using var benchmark = new Benchmark(options, Log);
        var machine = Benchmark.DescribeMachine();
        Log($"machine: {machine.Cores} cores, {machine.CpuModel}, {machine.Runtime}");
        Log($"host: {benchmark.LeashBotDll}");
        if (options.Providers.Contains("blob") || options.ColdStartProvider == "blob")
        {
            await benchmark.EnsureAzuriteAsync();
        }

        // Cold starts first, while nothing else of ours is running.
        var coldStarts = new List<ColdStart>();
        string[] bots = options.Echo ? [Bots.LeashBot, Bots.Echo] : [Bots.LeashBot];
        if (options.ColdStarts > 0)
        {
            Log($"cold starts ({options.ColdStarts} per bot, alternating, on {options.ColdStartProvider})");
            var seconds = bots.ToDictionary(b => b, _ => new List<double>());
            for (var i = 0; i < options.ColdStarts; i++)
            {
                foreach (var bot in bots)
                {
                    seconds[bot].Add(Math.Round(await benchmark.ColdStartAsync(bot, options.ColdStartProvider), 3));
                }
            }

            coldStarts.AddRange(bots.Select(b => new ColdStart(b, options.ColdStartProvider, seconds[b])));
            foreach (var c in coldStarts)
            {
                Log($"  {c.Bot,-8} median {c.Median:0.000} s ({string.Join(", ", c.Seconds)})");
            }
        }

        var runs = new List<RunResult>();
        foreach (var provider in options.Providers)
        {
            foreach (var mix in options.MixesOn(provider).Select(Scenarios.MixNamed))
            {
                Log($"{mix.Name} mix on {provider} ({mix.Description}): {options.Concurrency} concurrent conversations, " +
                    $"{options.WarmUp.TotalSeconds:0} s warm-up + {options.Duration.TotalSeconds:0} s");
                for (var round = 1; round <= options.Rounds; round++)
                {
                    foreach (var bot in bots)
                    {
                        runs.Add(await benchmark.RunLoadAsync(bot, mix, provider, round, options.Concurrency, options.WarmUp, options.Duration));
                    }
                }
            }
        }

        var report = ReportBuilder.Build(options, machine, runs, coldStarts);
        var json = ReportBuilder.ToJson(report);
        if (options.JsonOut is not null)
        {
            await File.WriteAllTextAsync(options.JsonOut, json);
        }

        if (options.Json)
        {
            Console.WriteLine(json);
        }
        else
        {
            Console.WriteLine();
            Console.Write(ReportBuilder.ToTable(report));
        }

        Log($"total time {clock.Elapsed.TotalSeconds:0} s");
        return report.TotalErrors == 0 ? 0 : 1;
    }
    catch (SetupException ex)
    {
        Console.Error.WriteLine("error: " + ex.Message);
        return 2;
    }
}

// Profiling aid: the load of one mix against a host someone started (under dotnet-trace, say).
async Task<int> AttachedAsync(Uri target)
{
    await using var benchmark = new Benchmark(options, Log);
    var run = await benchmark.RunAgainstAsync(target, Scenarios.MixNamed(options.Mixes[0]), options.Concurrency, options.WarmUp, options.Duration);
    return run.Errors == 0 ? 0 : 1;
}

// CI's check: the harness works end to end and the host answers every turn of concurrent conversations correctly.
// Prints what it measured, but judges only errors; the last line is "quick: N passed, M failed".
async Task<int> QuickAsync()
{
    var clock = Stopwatch.StartNew();
    int passed = 0, failed = 0;
    void Check(bool ok, string what)
    {
        if (ok)
        {
            passed++;
        }
        else
        {
            failed++;
        }

        Log($"{(ok ? "PASS" : "FAIL")} {what}");
    }

    try
    {
        await using var benchmark = new Benchmark(options, Log);
        try
        {
            var seconds = await benchmark.ColdStartAsync(Bots.LeashBot, options.ColdStartProvider);
            Check(true, $"LeashBot started on {options.ColdStartProvider} and answered its first greeting ({seconds:0.00} s, not judged)");
        }
        catch (InvalidOperationException ex)
        {
            Check(false, "LeashBot answered its first greeting: " + ex.Message);
        }

        foreach (var provider in options.Providers)
        {
            foreach (var mix in options.MixesOn(provider).Select(Scenarios.MixNamed))
            {
                var run = await benchmark.RunLoadAsync(Bots.LeashBot, mix, provider, 1, options.Concurrency, options.WarmUp, options.Duration);
                // Judged on every turn, warm-up included: a fresh host on a busy machine can spend the short quick
                // window still compiling, which is slow, not wrong (turns/s are reported above, not judged here).
                Check(run.Errors == 0 && run.TotalTurns > 0 && run.ConversationsCompleted > 0,
                    $"LeashBot, {mix.Name} mix on {provider}: {run.TotalTurns} turns in {run.ConversationsCompleted} whole conversations, " +
                    $"{options.Concurrency} at a time, {run.Errors} errors (non-2xx, empty, wrong or error replies, exceptions)");
                if (run.Stored is { } stored)
                {
                    // Every conversation is kept in its person's one record (a conversation of questions alone: the
                    // conversation's part only, no owner's profile; NothingToKeepTests checks which).
                    Check(stored.Conversations >= run.ConversationsCompleted,
                        $"LeashBot, {mix.Name} mix on {provider} stored every conversation's state " +
                        $"({stored.Conversations} conversations, {stored.Records} records, {stored.BytesPerConversation:0} B per conversation)");
                }
            }
        }

        if (options.Echo)
        {
            var echo = await benchmark.RunLoadAsync(Bots.Echo, Scenarios.MixNamed(Scenarios.FreeTextMix), "memory", 1, options.Concurrency, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3));
            Check(echo.Errors == 0 && echo.MeasuredTurns > 0, $"echo baseline on memory: {echo.TotalTurns} turns, {echo.Errors} errors");
        }
    }
    catch (Exception ex)
    {
        Check(false, $"the harness failed: {ex.GetType().Name}: {ex.Message}");
    }

    Log($"quick mode took {clock.Elapsed.TotalSeconds:0} s");
    Console.WriteLine($"quick: {passed} passed, {failed} failed");
    return failed == 0 ? 0 : 1;
}
