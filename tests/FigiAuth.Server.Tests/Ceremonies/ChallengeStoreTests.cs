using FigiAuth.Server.Ceremonies;
using FigiAuth.Server.Data;
using FigiAuth.Server.Hosting;
using FigiAuth.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace FigiAuth.Server.Tests.Ceremonies;

/// <summary>SECURITY.md D1, CC-01: one conditional update consumes a challenge exactly once.</summary>
public abstract class ChallengeStoreTests(FigiAuthServerFactory factory)
{
    readonly FakeTimeProvider time = new(DateTimeOffset.UtcNow);

    Task<T> WithStoreAsync<T>(Func<ChallengeStore, FigiAuthDbContext, Task<T>> work) =>
        factory.WithDbAsync((db, sp) => work(new ChallengeStore(db, time, sp.GetRequiredService<IOptions<FigiAuthOptions>>()), db));

    Task<CeremonyChallenge> CreateAsync(CeremonyPurpose purpose = CeremonyPurpose.UafAuthentication) =>
        WithStoreAsync((store, _) => store.CreateAsync(purpose, null, "alice", TestData.AppId, """{"policy":"x"}"""));

    [Fact]
    public async Task Succeeds_WhenChallengeIsConsumedOnce()
    {
        if (!factory.EnsureAvailable()) return;
        var created = await CreateAsync();

        var first = await WithStoreAsync((store, _) => store.TryConsumeAsync(created.Challenge, CeremonyPurpose.UafAuthentication));
        var second = await WithStoreAsync((store, _) => store.TryConsumeAsync(created.Challenge, CeremonyPurpose.UafAuthentication));

        Assert.NotNull(first);
        Assert.Equal("alice", first.Username);
        Assert.Equal("""{"policy":"x"}""", first.PayloadJson);
        Assert.Equal(time.GetUtcNow(), first.ConsumedAt!.Value, TimeSpan.FromMilliseconds(1)); // PostgreSQL keeps microseconds
        Assert.Null(second);
    }

    [Fact]
    public async Task Succeeds_WhenOnlyOneOf20ParallelConsumersWins()
    {
        if (!factory.EnsureAvailable()) return;
        var created = await CreateAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() =>
            WithStoreAsync((store, _) => store.TryConsumeAsync(created.Challenge, CeremonyPurpose.UafAuthentication)))));

        Assert.Single(results, r => r is not null);
    }

    [Fact]
    public async Task Fails_WhenChallengeExpired()
    {
        if (!factory.EnsureAvailable()) return;
        var created = await CreateAsync();

        time.Advance(TimeSpan.FromMinutes(5));
        var result = await WithStoreAsync((store, _) => store.TryConsumeAsync(created.Challenge, CeremonyPurpose.UafAuthentication));

        Assert.Null(result);
    }

    [Fact]
    public async Task Succeeds_WhenConsumedJustBeforeExpiry()
    {
        if (!factory.EnsureAvailable()) return;
        var created = await CreateAsync();

        time.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromMilliseconds(1));
        var result = await WithStoreAsync((store, _) => store.TryConsumeAsync(created.Challenge, CeremonyPurpose.UafAuthentication));

        Assert.NotNull(result);
    }

    [Fact]
    public async Task Fails_WhenPurposeDiffers()
    {
        if (!factory.EnsureAvailable()) return;
        var created = await CreateAsync(CeremonyPurpose.UafRegistration);

        var wrong = await WithStoreAsync((store, _) => store.TryConsumeAsync(created.Challenge, CeremonyPurpose.UafAuthentication));
        var right = await WithStoreAsync((store, _) => store.TryConsumeAsync(created.Challenge, CeremonyPurpose.UafRegistration));

        Assert.Null(wrong);
        Assert.NotNull(right);
    }

    [Fact]
    public async Task Succeeds_WhenPurgeDeletesMoreExpiredChallengesThanOneChunk()
    {
        if (!factory.EnsureAvailable()) return;
        var old = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            old.Add((await CreateAsync()).Id);
        }

        time.Advance(TimeSpan.FromMinutes(6));
        var fresh = await CreateAsync();

        var purged = await WithStoreAsync((store, _) => store.PurgeExpiredAsync(chunk: 2));
        var left = await factory.WithDbAsync((db, _) => db.CeremonyChallenges
            .Where(c => old.Contains(c.Id) || c.Id == fresh.Id).Select(c => c.Id).ToListAsync());

        // Other tests of this class share the database: their expired challenges go too.
        Assert.True(purged >= old.Count, $"purged {purged}");
        Assert.Equal([fresh.Id], left);
    }

    [Fact]
    public async Task Succeeds_WhenPurgeDeletesOnlyExpiredChallenges()
    {
        if (!factory.EnsureAvailable()) return;
        var old = await CreateAsync();
        time.Advance(TimeSpan.FromMinutes(6));
        var fresh = await CreateAsync();

        await WithStoreAsync((store, _) => store.PurgeExpiredAsync());
        var left = await factory.WithDbAsync((db, _) => db.CeremonyChallenges
            .Where(c => c.Id == old.Id || c.Id == fresh.Id).Select(c => c.Id).ToListAsync());

        Assert.Equal([fresh.Id], left);
    }

    [Fact]
    public async Task Succeeds_WhenChallengeHas32RandomBytes()
    {
        if (!factory.EnsureAvailable()) return;
        var a = await CreateAsync();
        var b = await CreateAsync();

        Assert.Equal(32, System.Buffers.Text.Base64Url.DecodeFromChars(a.Challenge).Length);
        Assert.NotEqual(a.Challenge, b.Challenge);
    }
}
