using LeashBot.Tests.Reminders;
using LeashBot.Tests.Support;

namespace LeashBot.Tests.Storage;

/// <summary>
/// Which test classes are skipped when Azurite is missing: only those that need it (a Blob or queue fixture, a
/// subclass of the Blob fixture included), only outside CI, and never when it is installed.
/// </summary>
public sealed class AzuriteSkipTests
{
    [Theory]
    [InlineData(typeof(BlobStorageContractTests))]
    [InlineData(typeof(ManagedIdentityBlobTests))]
    [InlineData(typeof(ReminderBlobScaleOutTests))]
    public void A_class_that_needs_Azurite_is_skipped_with_the_reason_only_outside_CI_when_it_is_missing(Type testClass)
    {
        Assert.Contains("npm ci --prefix tests/azurite", AzuriteAwareTestFramework.SkipReason(testClass, inCi: false, azuriteInstalled: false), StringComparison.Ordinal);
        Assert.Null(AzuriteAwareTestFramework.SkipReason(testClass, inCi: true, azuriteInstalled: false));
        Assert.Null(AzuriteAwareTestFramework.SkipReason(testClass, inCi: false, azuriteInstalled: true));
    }

    [Theory]
    [InlineData(typeof(SqliteStorageContractTests))]
    [InlineData(typeof(StorageDeadlineTests))]
    [InlineData(typeof(AzuriteSkipTests))]
    public void A_class_that_does_not_need_Azurite_always_runs(Type testClass) =>
        Assert.Null(AzuriteAwareTestFramework.SkipReason(testClass, inCi: false, azuriteInstalled: false));
}
