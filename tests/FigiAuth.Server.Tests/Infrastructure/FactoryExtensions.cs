using System.Net.Http.Headers;
using FigiAuth.Server.Accounts;
using FigiAuth.Server.Data;
using FigiAuth.Server.HotPath;
using FigiAuth.Server.Tokens;
using Microsoft.Extensions.DependencyInjection;

namespace FigiAuth.Server.Tests.Infrastructure;

public static class FactoryExtensions
{
    /// <summary>A client sending a bearer token for a new subject with these roles.</summary>
    public static HttpClient CreateClientWithRoles(this FigiAuthServerFactory factory, params string[] roles)
    {
        var client = factory.CreateClient();
        var token = factory.Services.GetRequiredService<AccessTokenIssuer>()
            .Issue(new AccessTokenRequest(Guid.NewGuid().ToString(), ["test"], Roles: roles));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>
    /// Another server with this factory's settings and environment on its database: a restart, or a second node. It
    /// does not own the database; dispose it before this factory.
    /// </summary>
    public static FigiAuthServerFactory SameDatabase(this FigiAuthServerFactory factory)
    {
        var other = new FigiAuthServerFactory { Environment = factory.Environment };
        foreach (var (key, value) in factory.Settings)
        {
            other.Settings[key] = value;
        }

        return other;
    }

    /// <summary>Runs <paramref name="work"/> with a database context of its own scope.</summary>
    public static async Task<T> WithDbAsync<T>(this FigiAuthServerFactory factory, Func<FigiAuthDbContext, IServiceProvider, Task<T>> work)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<FigiAuthDbContext>(), scope.ServiceProvider);
    }

    /// <summary>The UAF hot path's dialect on this factory's database (busy timeout 5 s).</summary>
    internal static Task<HotPathDialect> HotPathDialectAsync(this FigiAuthServerFactory factory) =>
        factory.WithDbAsync((db, _) => Task.FromResult(HotPathDialect.For(db, TimeSpan.FromSeconds(5))));

    /// <summary>A group commit of the test's own on this factory's database, deferring and delaying as the test says.</summary>
    internal static GroupCommitWriter NewGroupCommitWriter(this FigiAuthServerFactory factory, HotPathDialect dialect,
        TimeSpan deferLimit, TimeSpan commitDelay) =>
        new(dialect, factory.Services.GetRequiredService<SqliteWriteGate>(),
            Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, deferLimit, commitDelay);

    /// <summary>Saves an active UAF registration for a new user; <paramref name="adjust"/> changes it before saving.</summary>
    public static Task<UafRegistration> AddRegistrationAsync(this FigiAuthServerFactory factory, Action<UafRegistration>? adjust = null) =>
        factory.WithDbAsync(async (db, sp) =>
        {
            var user = await sp.GetRequiredService<UserDirectory>().FindOrCreateAsync("user-" + Guid.NewGuid().ToString("N"));
            var registration = TestData.Registration(user.Id);
            adjust?.Invoke(registration);
            db.UafRegistrations.Add(registration);
            await db.SaveChangesAsync();
            return registration;
        });
}
