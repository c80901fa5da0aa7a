using FigiAuth.Server.Data;
using FigiAuth.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FigiAuth.Server.Tests.Data;

/// <summary>SECURITY.md CC-02: parallel counter updates never lose the highest value.</summary>
public abstract class UafRegistrationCounterTests(FigiAuthServerFactory factory)
{
    [Fact]
    public async Task Succeeds_WhenParallelCounterUpdatesKeepTheHighest()
    {
        if (!factory.EnsureAvailable()) return;
        var registration = await factory.AddRegistrationAsync(r => r.SignCounter = 10);

        var counters = Enumerable.Range(11, 20).Select(c => (long)c).Reverse().Concat([5L, 10L]).ToArray();
        var results = await Task.WhenAll(counters.Select(c => Task.Run(() => factory.WithDbAsync((db, _) =>
            db.UafRegistrations.TryAdvanceSignCounterAsync(registration.Id, c, DateTimeOffset.UtcNow)))));
        var stored = await factory.WithDbAsync((db, _) => db.UafRegistrations.AsNoTracking().SingleAsync(r => r.Id == registration.Id));

        Assert.Equal(30, stored.SignCounter);
        Assert.True(results[0]);
        Assert.False(results[^1]);
        Assert.False(results[^2]);
        Assert.NotNull(stored.LastUsedAt);
    }

    [Fact]
    public async Task Fails_WhenRegistrationIsRevoked()
    {
        if (!factory.EnsureAvailable()) return;
        var registration = await factory.AddRegistrationAsync(r => r.Status = UafRegistrationStatus.Revoked);

        var advanced = await factory.WithDbAsync((db, _) => db.UafRegistrations.TryAdvanceSignCounterAsync(registration.Id, 99, DateTimeOffset.UtcNow));

        Assert.False(advanced);
    }
}
