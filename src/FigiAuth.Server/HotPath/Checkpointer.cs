using System.Data.Common;
using System.Diagnostics;

namespace FigiAuth.Server.HotPath;

/// <summary>
/// Runs <see cref="HotPathDialect.Checkpoint"/> on a connection of its own every interval, so the group commit's
/// connection (which does not checkpoint) never pays for copying the log and the WAL stays short. A failed checkpoint is
/// logged and tried again at the next tick; the data is safe in the WAL meanwhile.
/// </summary>
/// <remarks>
/// A checkpoint beside a busy writer does not catch up by itself: it copies the frames that were in the log when it
/// began, the writer has added more by the time it ends, and SQLite starts the log over only once every frame was
/// copied. The log then started over only when a pass happened to find the writer idle, and under load it reached
/// 450-800 MB (docs/PERFORMANCE.md, session 6). So once a tick finds the log long, it hands the rest to the writer
/// (<see cref="GroupCommitWriter.RequestCheckpoint"/>), which copies it between two of its batches, where no frame can
/// arrive meanwhile: the log stays under <see cref="SqliteDialect.WalSizeLimit"/> and a tick's frames.
/// </remarks>
internal sealed class Checkpointer : IDisposable
{
    /// <summary>
    /// The log length in frames (one page each, SQLite's 4 KiB default: the size the writer cuts the log back to) from
    /// which the writer is asked to finish the checkpoint. Its copy ends with a flush of the database file that the next
    /// batch waits for (6-13 ms measured at half load, and that batch is bigger), so it is asked every several seconds
    /// under load, not at every tick; a pass that finds the writer idle lets the log start over by itself.
    /// </summary>
    internal const long RestartFrames = SqliteDialect.WalSizeLimit / 4096;

    /// <summary>
    /// A tick runs a pass only after this many writes (or <see cref="LongestPause"/>): a pass flushes the database file
    /// beside the writer's flush of the log, and at 282/s the once-a-second pass slowed 2-6 ceremonies of each second
    /// to 3-20 ms, about 1 % of them (docs/PERFORMANCE.md, session 6). Under load every tick still passes.
    /// </summary>
    internal const long WritesPerPass = 1000;

    /// <summary>The longest a log with new writes waits for a pass; an idle log's last frames are copied by then too.</summary>
    internal static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(10);

    readonly HotPathDialect dialect;
    readonly GroupCommitWriter writer;
    readonly ILogger logger;
    readonly long restartFrames;
    readonly long writesPerPass;
    readonly Timer timer;
    readonly Lock running = new();
    long writesAtLastPass;
    long lastPass = Stopwatch.GetTimestamp();
    DbConnection? connection;
    bool disposed;

    /// <param name="restartFrames">From how long a log the writer is asked to finish; <see cref="RestartFrames"/> unless a test says.</param>
    /// <param name="writesPerPass">Writes between passes; <see cref="WritesPerPass"/> unless a test says.</param>
    public Checkpointer(HotPathDialect dialect, GroupCommitWriter writer, TimeSpan interval, ILogger logger,
        long restartFrames = RestartFrames, long writesPerPass = WritesPerPass)
    {
        this.dialect = dialect;
        this.restartFrames = restartFrames;
        this.writesPerPass = writesPerPass;
        this.writer = writer;
        this.logger = logger;
        timer = new Timer(_ => Run(), null, interval, interval);
    }

    void Run()
    {
        if (!running.TryEnter())
        {
            return;
        }

        try
        {
            var writes = writer.CommittedItems;
            if (disposed || !PassDue(writes))
            {
                return;
            }

            writesAtLastPass = writes;
            lastPass = Stopwatch.GetTimestamp();
            connection ??= dialect.Open();
            var log = dialect.Checkpoint(connection);
            if (log > restartFrames)
            {
                writer.RequestCheckpoint();
            }
        }
        catch (DbException e)
        {
            logger.LogWarning(e, "background checkpoint failed; tried again at the next tick");
            connection?.Dispose();
            connection = null;
        }
        finally
        {
            running.Exit();
        }
    }

    bool PassDue(long writes) =>
        writes - writesAtLastPass >= writesPerPass
        || (writes != writesAtLastPass && Stopwatch.GetElapsedTime(lastPass) >= LongestPause);

    public void Dispose()
    {
        timer.Dispose();
        lock (running)
        {
            disposed = true;
            connection?.Dispose();
            connection = null;
        }
    }
}
