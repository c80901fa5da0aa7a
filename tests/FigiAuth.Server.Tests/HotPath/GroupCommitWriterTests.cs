using FigiAuth.Server.Audit;
using FigiAuth.Server.Ceremonies;
using FigiAuth.Server.Data;
using FigiAuth.Server.Hosting;
using FigiAuth.Server.HotPath;
using FigiAuth.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FigiAuth.Server.Tests.HotPath;

/// <summary>
/// The hot path's own SQL writes and reads the same rows as EF (Guid and time encodings of each provider), and the group
/// commit keeps D1 (one consume), D5 (audit with the change, chain intact) and item isolation.
/// </summary>
public abstract class GroupCommitWriterTests(FigiAuthServerFactory factory)
{
    HotPathDatabase Hot => factory.Services.GetRequiredService<HotPathDatabase>();

    static CeremonyChallenge NewChallenge(Guid? userId = null) => ChallengeStore.NewRow(CeremonyPurpose.UafAuthentication, userId, "alice",
        TestData.AppId, """{"policy":"x"}""", DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5));

    Task<bool> InsertAsync(CeremonyChallenge row) => Hot.Writer.WriteAsync(batch =>
    {
        batch.InsertChallenge(row);
        return true;
    });

    [Fact]
    public async Task Succeeds_WhenChallengeWrittenByHotPathIsConsumedThroughEf()
    {
        if (!factory.EnsureAvailable()) return;
        var registration = await factory.AddRegistrationAsync();
        var row = NewChallenge(registration.UserId);

        await InsertAsync(row);
        var consumed = await factory.WithDbAsync((db, sp) =>
            new ChallengeStore(db, TimeProvider.System, sp.GetRequiredService<IOptions<FigiAuthOptions>>())
                .TryConsumeAsync(row.Challenge, CeremonyPurpose.UafAuthentication));

        Assert.NotNull(consumed);
        Assert.Equal(row.Id, consumed.Id);
        Assert.Equal(registration.UserId, consumed.UserId);
        Assert.Equal(row.ExpiresAt, consumed.ExpiresAt, TimeSpan.FromMilliseconds(1)); // PostgreSQL keeps microseconds
    }

    [Fact]
    public async Task Succeeds_WhenReaderFindsRowsWrittenThroughEf()
    {
        if (!factory.EnsureAvailable()) return;
        var registration = await factory.AddRegistrationAsync(r => r.SignCounter = 41);
        var challenge = await factory.WithDbAsync((db, sp) =>
            new ChallengeStore(db, TimeProvider.System, sp.GetRequiredService<IOptions<FigiAuthOptions>>())
                .CreateAsync(CeremonyPurpose.UafTransaction, registration.UserId, "bob", TestData.AppId, "{}"));
        var userName = await factory.WithDbAsync((db, _) => db.Users.Where(u => u.Id == registration.UserId).Select(u => u.NormalizedUserName).SingleAsync());

        var peeked = await Hot.Reader.PeekChallengeAsync(challenge.Challenge, DateTimeOffset.UtcNow);
        var found = await Hot.Reader.FindRegistrationAsync(TestData.AppId, registration.Aaid, registration.KeyId);
        var keys = await Hot.Reader.FindUserKeysAsync(userName!, TestData.AppId);

        Assert.Equal((CeremonyPurpose.UafTransaction, registration.UserId, "bob"), (peeked!.Purpose, peeked.UserId, peeked.Username));
        Assert.Equal(challenge.ExpiresAt, peeked.ExpiresAt, TimeSpan.FromMilliseconds(1));
        Assert.Equal((registration.Id, registration.UserId, 41L), (found!.Id, found.UserId, found.SignCounter));
        Assert.Equal(registration.PublicKey, found.PublicKey);
        Assert.Equal([(registration.Aaid, registration.KeyId)], keys!.Keys);
    }

    [Fact]
    public async Task Succeeds_WhenARelaxedCommitIsVisible_AndLeavesTheConnectionDurable()
    {
        if (!factory.EnsureAvailable()) return;
        var row = NewChallenge();
        var dialect = await factory.HotPathDialectAsync();
        using var connection = dialect.Open();
        using (var batch = new WriteBatch(dialect, connection))
        {
            batch.Begin(durable: false);
            batch.InsertChallenge(row);
            batch.Commit();
        }

        using var setting = connection.CreateCommand();
        setting.CommandText = dialect.IsSqlite ? "PRAGMA synchronous" : "SHOW synchronous_commit";
        Assert.Equal(dialect.IsSqlite ? "2" : "on", Convert.ToString(setting.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture));
        Assert.NotNull(await Hot.Reader.PeekChallengeAsync(row.Challenge, DateTimeOffset.UtcNow));
    }

    [Fact]
    public async Task Succeeds_WhenTheWriterLeavesCheckpointsToTheCheckpointer()
    {
        if (!factory.EnsureAvailable()) return;
        var dialect = await factory.HotPathDialectAsync();
        if (!dialect.IsSqlite) return; // PostgreSQL checkpoints by itself

        using var writer = dialect.OpenWriter();
        using var setting = writer.CreateCommand();
        setting.CommandText = "PRAGMA wal_autocheckpoint";
        Assert.Equal(0L, setting.ExecuteScalar());

        using var checkpointer = dialect.Open();
        using var checkpoint = checkpointer.CreateCommand();
        checkpoint.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
        using var result = checkpoint.ExecuteReader();
        Assert.True(result.Read());
        Assert.Equal(0L, result.GetInt64(0)); // not blocked: a passive checkpoint runs beside the writer
    }

    [Fact]
    public async Task Succeeds_WhenRelaxedAndDurableWorkShareABatch()
    {
        if (!factory.EnsureAvailable()) return;
        var relaxed = Enumerable.Range(0, 20).Select(_ => NewChallenge()).ToList();
        var durable = Enumerable.Range(0, 20).Select(_ => NewChallenge()).ToList();

        await Task.WhenAll(relaxed.Select(r => Hot.Writer.WriteAsync(b => { b.InsertChallenge(r); return true; }, WriteDurability.Relaxed))
            .Concat(durable.Select(InsertAsync)));

        foreach (var row in relaxed.Concat(durable))
        {
            Assert.NotNull(await Hot.Reader.PeekChallengeAsync(row.Challenge, DateTimeOffset.UtcNow));
        }
    }

    [Fact]
    public async Task Fails_WhenHotPathConsumesTheSameChallengeTwice()
    {
        if (!factory.EnsureAvailable()) return;
        var row = NewChallenge();
        await InsertAsync(row);
        var now = DateTimeOffset.UtcNow;

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() =>
            Hot.Writer.WriteAsync(batch => batch.TryConsumeChallenge(row.Challenge, CeremonyPurpose.UafAuthentication, now)))));

        Assert.Single(results, consumed => consumed);
        Assert.Null(await Hot.Reader.PeekChallengeAsync(row.Challenge, now));
    }

    [Fact]
    public async Task Fails_WhenOneItemThrows_AndOnlyThatItemIsUndone()
    {
        if (!factory.EnsureAvailable()) return;
        var kept = NewChallenge();
        var undone = NewChallenge();

        var failing = Hot.Writer.WriteAsync<bool>(batch =>
        {
            batch.InsertChallenge(undone);
            batch.Audit(new AuditEntry("test.undone"), DateTimeOffset.UtcNow);
            throw new InvalidOperationException("this item fails after writing");
        });
        var succeeding = InsertAsync(kept);

        await Assert.ThrowsAsync<InvalidOperationException>(() => failing);
        Assert.True(await succeeding);
        Assert.NotNull(await Hot.Reader.PeekChallengeAsync(kept.Challenge, DateTimeOffset.UtcNow));
        Assert.Null(await Hot.Reader.PeekChallengeAsync(undone.Challenge, DateTimeOffset.UtcNow));
        Assert.False(await factory.WithDbAsync((db, _) => db.AuditEvents.AnyAsync(e => e.Type == "test.undone")));
    }

    [Fact]
    public async Task Fails_WhenAnItemAmongManyThrows_AndTheOthersAreRunAgainAndCommitOnce()
    {
        if (!factory.EnsureAvailable()) return;
        var before = await factory.WithDbAsync((db, _) => db.AuditEvents.CountAsync());
        var kept = Enumerable.Range(0, 20).Select(_ => NewChallenge()).ToList();
        var undone = NewChallenge();
        var runs = 0;
        using var held = HeldWriter.Hold(Hot.Writer);

        var succeeding = kept.Select(row => Hot.Writer.WriteAsync(batch =>
        {
            Interlocked.Increment(ref runs);
            batch.InsertChallenge(row);
            batch.Audit(new AuditEntry("test.kept", Subject: row.Challenge), DateTimeOffset.UtcNow);
            return row.Challenge;
        })).ToList();
        var failing = Hot.Writer.WriteAsync<string>(batch =>
        {
            batch.InsertChallenge(undone);
            batch.Audit(new AuditEntry("test.undone"), DateTimeOffset.UtcNow);
            throw new InvalidOperationException("this item fails after writing");
        });
        held.Release();

        await Assert.ThrowsAsync<InvalidOperationException>(() => failing);
        Assert.Equal(kept.Select(r => r.Challenge), await Task.WhenAll(succeeding));
        Assert.Equal(2 * kept.Count, runs); // the plain run, abandoned at the last item, then the careful one
        Assert.Null(await Hot.Reader.PeekChallengeAsync(undone.Challenge, DateTimeOffset.UtcNow));
        foreach (var row in kept)
        {
            Assert.NotNull(await Hot.Reader.PeekChallengeAsync(row.Challenge, DateTimeOffset.UtcNow));
        }

        var verification = await factory.WithDbAsync((db, _) => new AuditChainVerifier(db).VerifyAsync());
        Assert.True(verification.Valid, verification.Reason);
        Assert.Equal(before + kept.Count, verification.EventsChecked); // each kept event once, none of the failing item
        Assert.False(await factory.WithDbAsync((db, _) => db.AuditEvents.AnyAsync(e => e.Type == "test.undone")));
    }

    [Fact]
    public async Task Fails_WhenTheDurableItemOfAMixedBatchThrows_AndTheRelaxedOneStillCommits()
    {
        if (!factory.EnsureAvailable()) return;
        var relaxed = NewChallenge();
        var undone = NewChallenge();
        using var held = HeldWriter.Hold(Hot.Writer);

        var relaxedWrite = Hot.Writer.WriteAsync(batch =>
        {
            batch.InsertChallenge(relaxed);
            return true;
        }, WriteDurability.Relaxed);
        var failing = Hot.Writer.WriteAsync<bool>(batch =>
        {
            batch.InsertChallenge(undone);
            throw new InvalidOperationException("the durable item fails after writing");
        });
        held.Release();

        Assert.True(await relaxedWrite);
        await Assert.ThrowsAsync<InvalidOperationException>(() => failing);
        Assert.NotNull(await Hot.Reader.PeekChallengeAsync(relaxed.Challenge, DateTimeOffset.UtcNow));
        Assert.Null(await Hot.Reader.PeekChallengeAsync(undone.Challenge, DateTimeOffset.UtcNow));
    }

    /// <summary>A writer of its own on the test's database, deferring and delaying as long as the test says.</summary>
    async Task<GroupCommitWriter> OwnWriterAsync(TimeSpan deferLimit, TimeSpan? commitDelay = null)
    {
        return factory.NewGroupCommitWriter(await factory.HotPathDialectAsync(), deferLimit, commitDelay ?? TimeSpan.Zero);
    }

    [Fact]
    public async Task Succeeds_WhenASmallDurableBatchRightAfterACommitWaitsForSiblings_AndAnIdleWriterDoesNot()
    {
        if (!factory.EnsureAvailable()) return;
        using var writer = await OwnWriterAsync(TimeSpan.FromMinutes(1), commitDelay: TimeSpan.FromSeconds(5));

        // The writer has not committed for a while: the first durable item commits at once, alone.
        var first = await InsertNoting(writer, NewChallenge(), WriteDurability.Durable).WaitAsync(TimeSpan.FromSeconds(4));
        // Right after that commit the writer counts as busy: the next small durable batch waits for siblings.
        var waiting = InsertNoting(writer, NewChallenge(), WriteDurability.Durable);
        await Task.Delay(200);
        Assert.False(waiting.IsCompleted);
        var siblings = Enumerable.Range(0, GroupCommitWriter.SiblingTarget - 1)
            .Select(_ => InsertNoting(writer, NewChallenge(), WriteDurability.Durable)).ToList();

        var shared = await waiting.WaitAsync(TimeSpan.FromSeconds(4)); // the target reached ends the wait before the delay
        Assert.NotEqual(first, shared);
        Assert.All(await Task.WhenAll(siblings), n => Assert.Equal(shared, n));
    }

    static Task<long> InsertNoting(GroupCommitWriter writer, CeremonyChallenge row, WriteDurability durability) =>
        writer.WriteAsync(batch =>
        {
            batch.InsertChallenge(row);
            return batch.TransactionNumber;
        }, durability);

    [Fact]
    public async Task Succeeds_WhenDeferredWorkWaitsForDurableWork_AndSharesItsTransaction()
    {
        if (!factory.EnsureAvailable()) return;
        using var writer = await OwnWriterAsync(TimeSpan.FromMinutes(1));
        var deferred = NewChallenge();
        var durable = NewChallenge();

        var deferredWrite = InsertNoting(writer, deferred, WriteDurability.Deferred);
        await Task.Delay(200);
        Assert.False(deferredWrite.IsCompleted); // waiting for durable work, not committed alone
        var durableWrite = InsertNoting(writer, durable, WriteDurability.Durable);

        Assert.Equal(await durableWrite, await deferredWrite);
        Assert.NotNull(await Hot.Reader.PeekChallengeAsync(deferred.Challenge, DateTimeOffset.UtcNow));
        Assert.NotNull(await Hot.Reader.PeekChallengeAsync(durable.Challenge, DateTimeOffset.UtcNow));
    }

    [Fact]
    public async Task Succeeds_WhenDeferredWorkMeetsNoDurableWork_AndCommitsAloneAfterTheLimit()
    {
        if (!factory.EnsureAvailable()) return;
        using var writer = await OwnWriterAsync(TimeSpan.FromMilliseconds(100));
        var deferred = NewChallenge();
        var started = System.Diagnostics.Stopwatch.StartNew();

        await InsertNoting(writer, deferred, WriteDurability.Deferred);

        Assert.True(started.Elapsed >= TimeSpan.FromMilliseconds(90), $"committed after {started.Elapsed.TotalMilliseconds} ms");
        Assert.NotNull(await Hot.Reader.PeekChallengeAsync(deferred.Challenge, DateTimeOffset.UtcNow));
        var next = NewChallenge();
        await InsertNoting(writer, next, WriteDurability.Durable); // the writer still takes work after a wait that timed out
        Assert.NotNull(await Hot.Reader.PeekChallengeAsync(next.Challenge, DateTimeOffset.UtcNow));
    }

    [Fact]
    public async Task Succeeds_WhenRelaxedWorkCommitsWithoutWaiting_AndEndsTheWaitOfDeferredWork()
    {
        if (!factory.EnsureAvailable()) return;
        using var writer = await OwnWriterAsync(TimeSpan.FromMinutes(1));

        await InsertNoting(writer, NewChallenge(), WriteDurability.Relaxed).WaitAsync(TimeSpan.FromSeconds(30)); // not a minute
        var deferredWithRelaxed = InsertNoting(writer, NewChallenge(), WriteDurability.Deferred);
        await Task.Delay(200);
        var relaxedAfter = InsertNoting(writer, NewChallenge(), WriteDurability.Relaxed);

        Assert.Equal(await relaxedAfter.WaitAsync(TimeSpan.FromSeconds(30)), await deferredWithRelaxed);
    }

    [Fact]
    public async Task Succeeds_WhenHotPathAndEfAppendToTheAuditChainAtOnce()
    {
        if (!factory.EnsureAvailable()) return;
        var before = await factory.WithDbAsync((db, _) => db.AuditEvents.CountAsync());

        var hot = Enumerable.Range(0, 200).Select(i => Task.Run(() => Hot.Writer.WriteAsync(batch =>
        {
            batch.Audit(new AuditEntry("test.hot", Subject: i.ToString(System.Globalization.CultureInfo.InvariantCulture)), DateTimeOffset.UtcNow);
            return true;
        })));
        var ef = Enumerable.Range(0, 20).Select(i => Task.Run(() => factory.WithDbAsync((db, sp) =>
            sp.GetRequiredService<AuditLog>().AppendAsync(db, new AuditEntry("test.ef")))));
        await Task.WhenAll(hot.Cast<Task>().Concat(ef));

        var verification = await factory.WithDbAsync((db, _) => new AuditChainVerifier(db).VerifyAsync());
        Assert.True(verification.Valid, verification.Reason);
        Assert.Equal(before + 220, verification.EventsChecked);
    }
}

/// <summary>Keeps the writer busy in a batch of its own, so that everything queued meanwhile shares the next batch.</summary>
sealed class HeldWriter : IDisposable
{
    readonly ManualResetEventSlim entered = new();
    readonly ManualResetEventSlim release = new();
    Task<bool>? holding;

    public static HeldWriter Hold(GroupCommitWriter writer)
    {
        var held = new HeldWriter();
        held.holding = writer.WriteAsync(_ =>
        {
            held.entered.Set();
            held.release.Wait();
            return true;
        });
        held.entered.Wait();
        return held;
    }

    public void Release()
    {
        release.Set();
        holding!.GetAwaiter().GetResult();
    }

    public void Dispose()
    {
        release.Set();
        entered.Dispose();
        release.Dispose();
    }
}

public sealed class GroupCommitWriterSqliteTests(FigiAuthServerFactory factory)
    : GroupCommitWriterTests(factory), IClassFixture<FigiAuthServerFactory>;

public sealed class GroupCommitWriterPostgresTests(PostgresServerFactory factory)
    : GroupCommitWriterTests(factory), IClassFixture<PostgresServerFactory>;
