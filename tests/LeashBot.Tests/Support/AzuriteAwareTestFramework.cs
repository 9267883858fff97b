using System.Reflection;
using LeashBot.Tests.Reminders;
using LeashBot.Tests.Storage;
using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestFramework("LeashBot.Tests.Support.AzuriteAwareTestFramework", "LeashBot.Tests")]

namespace LeashBot.Tests.Support;

/// <summary>
/// xUnit as usual, except for the test classes that need Azurite (a class fixture of <see cref="AzuriteFixture"/> or
/// <see cref="AzuriteQueues"/>): where Azurite is not installed and this is not CI (<c>CI</c> unset), they are reported
/// skipped, with the reason and the command that installs it, instead of failing. In CI (<c>.ci/run</c>, which installs
/// Azurite first) a missing Azurite still fails every one of them.
/// </summary>
public sealed class AzuriteAwareTestFramework(IMessageSink messageSink) : XunitTestFramework(messageSink)
{
    protected override ITestFrameworkExecutor CreateExecutor(AssemblyName assemblyName) =>
        new Executor(assemblyName, SourceInformationProvider, DiagnosticMessageSink);

    /// <summary>Why a class that needs Azurite is skipped here, or null when it runs (Azurite is there, or this is CI).</summary>
    public static string? SkipReason(Type testClass) => SkipReason(testClass, IsCi, AzuriteFixture.IsInstalled);

    /// <summary>The decision itself: skipped only when the class needs Azurite, it is not installed, and this is not CI.</summary>
    public static string? SkipReason(Type testClass, bool inCi, bool azuriteInstalled)
    {
        ArgumentNullException.ThrowIfNull(testClass);
        var needsAzurite = testClass.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IClassFixture<>)
            && i.GetGenericArguments()[0] is var fixture && (typeof(AzuriteFixture).IsAssignableFrom(fixture) || fixture == typeof(AzuriteQueues)));
        if (!needsAzurite || inCi || azuriteInstalled)
        {
            return null;
        }

        return "Azurite is not installed (npm ci --prefix tests/azurite, or bash .ci/run); in CI this fails instead.";
    }

    private static bool IsCi => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));

    private sealed class Executor(AssemblyName assemblyName, ISourceInformationProvider sourceInformation, IMessageSink diagnostics)
        : XunitTestFrameworkExecutor(assemblyName, sourceInformation, diagnostics)
    {
        protected override async void RunTestCases(IEnumerable<IXunitTestCase> testCases, IMessageSink executionMessageSink, ITestFrameworkExecutionOptions executionOptions)
        {
            using var runner = new AssemblyRunner(TestAssembly, testCases, DiagnosticMessageSink, executionMessageSink, executionOptions);
            await runner.RunAsync();
        }
    }

    private sealed class AssemblyRunner(ITestAssembly assembly, IEnumerable<IXunitTestCase> testCases, IMessageSink diagnostics, IMessageSink execution, ITestFrameworkExecutionOptions options)
        : XunitTestAssemblyRunner(assembly, testCases, diagnostics, execution, options)
    {
        protected override Task<RunSummary> RunTestCollectionAsync(IMessageBus messageBus, ITestCollection testCollection, IEnumerable<IXunitTestCase> testCases, CancellationTokenSource cancellationTokenSource) =>
            new CollectionRunner(testCollection, testCases, DiagnosticMessageSink, messageBus, TestCaseOrderer, new ExceptionAggregator(Aggregator), cancellationTokenSource).RunAsync();
    }

    private sealed class CollectionRunner(ITestCollection collection, IEnumerable<IXunitTestCase> testCases, IMessageSink diagnostics, IMessageBus bus, ITestCaseOrderer orderer, ExceptionAggregator aggregator, CancellationTokenSource cancellation)
        : XunitTestCollectionRunner(collection, testCases, diagnostics, bus, orderer, aggregator, cancellation)
    {
        protected override Task<RunSummary> RunTestClassAsync(ITestClass testClass, IReflectionTypeInfo @class, IEnumerable<IXunitTestCase> testCases) =>
            SkipReason(@class.Type) is { } reason
                ? SkipAllAsync(testCases, reason)
                : base.RunTestClassAsync(testClass, @class, testCases);

        /// <summary>Reports every test of the class skipped, without creating its fixtures or an instance of it.</summary>
        private async Task<RunSummary> SkipAllAsync(IEnumerable<IXunitTestCase> testCases, string reason)
        {
            var summary = new RunSummary();
            foreach (var testCase in testCases)
            {
                summary.Aggregate(await new XunitTestCaseRunner(testCase, testCase.DisplayName, reason, [], testCase.TestMethodArguments,
                    MessageBus, new ExceptionAggregator(Aggregator), CancellationTokenSource).RunAsync());
            }

            return summary;
        }
    }
}
