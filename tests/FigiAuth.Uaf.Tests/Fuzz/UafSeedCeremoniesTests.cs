namespace FigiAuth.Uaf.Tests.Fuzz;

/// <summary>The fuzz inputs derive from the seeds: they must not change between runs (docs/fuzzing.md "Seed").</summary>
public sealed class UafSeedCeremoniesTests
{
    [Fact]
    public void Succeeds_WithTheSameBytes_EveryTimeTheSeedsAreMade()
    {
        var seeds = FuzzCounts.Seeds;
        var again = new UafSeedCeremonies();

        Assert.Equal(seeds.Assertions, again.Assertions);
        Assert.Equal(seeds.Messages, again.Messages);
        Assert.Equal(seeds.RootCertificate, again.RootCertificate);
    }
}
