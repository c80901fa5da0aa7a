using System.Buffers.Binary;
using FigiAuth.Server.Ceremonies;
using FigiAuth.Server.Data;
using FigiAuth.Server.HotPath;
using FigiAuth.Server.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace FigiAuth.Server.Tests.HotPath;

/// <summary>
/// The background checkpoint keeps SQLite's log short while the group commit writes without a pause: a passive
/// checkpoint alone does not catch up with a busy writer, and the WAL then grew for as long as no pass found the writer
/// idle (450-866 MB in a minute of load).
/// </summary>
public sealed class CheckpointerTests(FigiAuthServerFactory factory) : IClassFixture<FigiAuthServerFactory>
{
    [Fact]
    public async Task Succeeds_WhenTheLogStartsOverWhileTheWriterNeverPauses_AndNoWriteIsLost()
    {
        var dialect = await factory.HotPathDialectAsync();
        var wal = await DatabasePathAsync() + "-wal";
        using var writer = factory.NewGroupCommitWriter(dialect, TimeSpan.Zero, TimeSpan.Zero);
        var before = await CountChallengesAsync();
        await InsertAsync(writer);
        var startsBefore = LogStarts(wal);

        long written = 0;
        using (new Checkpointer(dialect, writer, TimeSpan.FromMilliseconds(20), NullLogger.Instance, restartFrames: 0, writesPerPass: 0))
        {
            // Eight writers keep the group commit busy: a new batch is always queued when one commits.
            var until = DateTime.UtcNow.AddSeconds(1.5);
            await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
            {
                while (DateTime.UtcNow < until)
                {
                    await InsertAsync(writer);
                    Interlocked.Increment(ref written);
                }
            })));
        }

        // The log started over again and again (each time every frame had been copied into the database) ...
        Assert.True(LogStarts(wal) - startsBefore >= 5, $"the log started over {LogStarts(wal) - startsBefore} times");
        // ... and every committed write is still there.
        Assert.Equal(before + 1 + written, await CountChallengesAsync());
    }

    [Fact]
    public async Task Succeeds_WhenAPassWaitsForEnoughWrites()
    {
        var dialect = await factory.HotPathDialectAsync();
        var shm = await DatabasePathAsync() + "-shm";
        using var writer = factory.NewGroupCommitWriter(dialect, TimeSpan.Zero, TimeSpan.Zero);
        await InsertAsync(writer);
        using var checkpointer = new Checkpointer(dialect, writer, TimeSpan.FromMilliseconds(20), NullLogger.Instance, writesPerPass: 50);
        await Task.Delay(300); // one write: no pass yet
        var copied = FramesCopied(shm);

        for (var i = 0; i < 10; i++)
        {
            await InsertAsync(writer);
        }

        await Task.Delay(300);
        Assert.Equal(copied, FramesCopied(shm)); // ten writes: no pass
        await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => InsertAsync(writer)));
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (FramesCopied(shm) == copied && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        Assert.NotEqual(copied, FramesCopied(shm)); // fifty: the next tick passes
    }

    [Fact]
    public async Task Succeeds_WhenTheWriterCutsALongLogBackToTheLimit()
    {
        using var connection = (await factory.HotPathDialectAsync()).OpenWriter();
        using var limit = connection.CreateCommand();
        limit.CommandText = "PRAGMA journal_size_limit";

        Assert.Equal(SqliteDialect.WalSizeLimit, limit.ExecuteScalar());
    }

    Task<string> DatabasePathAsync() =>
        factory.WithDbAsync((db, _) => Task.FromResult(new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource));

    static Task<bool> InsertAsync(GroupCommitWriter writer)
    {
        var row = ChallengeStore.NewRow(CeremonyPurpose.UafAuthentication, null, "alice", TestData.AppId, "{}",
            DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5));
        return writer.WriteAsync(batch =>
        {
            batch.InsertChallenge(row);
            return true;
        });
    }

    Task<long> CountChallengesAsync() => factory.WithDbAsync((db, _) => db.CeremonyChallenges.LongCountAsync());

    /// <summary>The WAL index's nBackfill (bytes 96-99 of the -shm file, native order): frames the last checkpoint copied.</summary>
    static uint FramesCopied(string shm) => BinaryPrimitives.ReadUInt32LittleEndian(ReadStart(shm, 100)[96..]);

    /// <summary>The WAL header's checkpoint sequence number (bytes 12-15, big-endian): one more each time the log starts over.</summary>
    static uint LogStarts(string wal) => BinaryPrimitives.ReadUInt32BigEndian(ReadStart(wal, 16)[12..]);

    /// <summary>The first bytes of a file SQLite holds open.</summary>
    static byte[] ReadStart(string path, int length)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var start = new byte[length];
        file.ReadExactly(start);
        return start;
    }
}
