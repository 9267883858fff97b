namespace LeashBot.Tests.Storage;

/// <summary>
/// Where Azurite is missing, the Blob tests skip with the reason on a developer's machine and fail in CI (where
/// <c>.ci/run</c> installs it, so a missing Azurite is a broken set-up, never a quiet pass).
/// </summary>
public sealed class AzuriteSkipTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("false")]
    [InlineData(" False ")]
    public void Outside_CI_a_missing_Azurite_is_a_skip_that_says_how_to_install_it(string? ci)
    {
        var reason = AzuriteFixture.SkipReasonFor(ci, installed: false);

        Assert.NotNull(reason);
        Assert.Contains("npm ci --prefix tests/azurite", reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("true")]
    [InlineData("1")]
    [InlineData("True")]
    public void In_CI_a_missing_Azurite_is_never_a_skip(string ci) =>
        Assert.Null(AzuriteFixture.SkipReasonFor(ci, installed: false));

    [Theory]
    [InlineData(null)]
    [InlineData("true")]
    public void An_installed_Azurite_always_runs(string? ci) =>
        Assert.Null(AzuriteFixture.SkipReasonFor(ci, installed: true));

    [Fact]
    public async Task A_fixture_without_Azurite_outside_CI_starts_nothing_and_a_test_reaching_for_it_is_skipped()
    {
        var fixture = new AzuriteFixture(ci: null, installed: () => null);
        await fixture.InitializeAsync();

        var skip = Assert.Throws<SkipException>(() => fixture.ConnectionString);
        Assert.Equal(fixture.SkipReason, skip.Message);
        Assert.Throws<SkipException>(() => fixture.Port);
        await fixture.DisposeAsync();
    }

    [Fact]
    public async Task A_fixture_without_Azurite_in_CI_fails_with_how_to_install_it()
    {
        var fixture = new AzuriteFixture(ci: "true", installed: () => null);

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(fixture.InitializeAsync);
        Assert.Contains("npm ci --prefix tests/azurite", failure.Message, StringComparison.Ordinal);
        Assert.Null(fixture.SkipReason);
        await fixture.DisposeAsync();
    }
}
