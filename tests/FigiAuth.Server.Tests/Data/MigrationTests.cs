using FigiAuth.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FigiAuth.Server.Tests.Data;

public abstract class MigrationTests(FigiAuthServerFactory factory)
{
    [Fact]
    public async Task Succeeds_WhenMigrationsApplyAtStart()
    {
        if (!factory.EnsureAvailable()) return;

        var (applied, pending, users) = await factory.WithDbAsync(async (db, _) => (
            (await db.Database.GetAppliedMigrationsAsync()).Count(),
            (await db.Database.GetPendingMigrationsAsync()).Count(),
            await db.Users.CountAsync()));

        Assert.True(applied >= 1);
        Assert.Equal(0, pending);
        Assert.True(users >= 0);
    }

    [Fact]
    public async Task Succeeds_WhenUniqueIndexRejectsSecondRegistrationOfSameKey()
    {
        if (!factory.EnsureAvailable()) return;

        var userId = await factory.WithDbAsync(async (_, sp) =>
            (await sp.GetRequiredService<Accounts.UserDirectory>().FindOrCreateAsync("unique-" + Guid.NewGuid().ToString("N"))).Id);
        var keyId = Guid.NewGuid().ToString("N");
        await factory.WithDbAsync(async (db, _) =>
        {
            db.UafRegistrations.Add(TestData.Registration(userId, keyId));
            return await db.SaveChangesAsync();
        });

        await Assert.ThrowsAsync<DbUpdateException>(() => factory.WithDbAsync(async (db, _) =>
        {
            db.UafRegistrations.Add(TestData.Registration(userId, keyId));
            return await db.SaveChangesAsync();
        }));
    }
}
