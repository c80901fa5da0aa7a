using System.Data.Common;

namespace FigiAuth.Server.HotPath;

/// <summary>
/// Runs <see cref="HotPathDialect.Checkpoint"/> on a connection of its own every interval, so the group commit's
/// connection (which does not checkpoint) never pays for copying the log and the WAL stays short. A failed checkpoint is
/// logged and tried again at the next tick; the data is safe in the WAL meanwhile.
/// </summary>
/// <remarks>
/// A checkpoint beside a busy writer never catches up by itself: it copies the frames that were in the log when it
/// started, the writer has added more by the time it ends, and SQLite starts the log over only once every frame was
/// copied. Left alone, the WAL grew by every commit for as long as the load lasted (800 MB after a minute at full load,
/// each flush slower as the file grew: docs/PERFORMANCE.md, session 6). So a tick repeats the pass while the writer added
/// much during the one before (each copies only what came meanwhile), and hands the rest to the writer
/// (<see cref="GroupCommitWriter.RequestCheckpoint"/>), which copies them between two of its batches, where no frame
/// can arrive meanwhile.
/// </remarks>
internal sealed class Checkpointer : IDisposable
{
    /// <summary>
    /// Passes repeat while the writer added more than this many frames during the one before (about a quarter of a
    /// second of its writes at full load); the writer then copies what came during the last pass.
    /// </summary>
    internal const long WriterShare = 256;

    const int MaxPasses = 4;

    readonly HotPathDialect dialect;
    readonly GroupCommitWriter writer;
    readonly ILogger logger;
    readonly Timer timer;
    readonly Lock running = new();
    DbConnection? connection;
    bool disposed;

    public Checkpointer(HotPathDialect dialect, GroupCommitWriter writer, TimeSpan interval, ILogger logger)
    {
        this.dialect = dialect;
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
            if (disposed)
            {
                return;
            }

            connection ??= dialect.Open();
            var log = dialect.Checkpoint(connection);
            for (var pass = 1; pass < MaxPasses; pass++)
            {
                // What the writer added during the pass before (negative: the log started over meanwhile).
                var next = dialect.Checkpoint(connection);
                var added = next - log;
                log = next;
                if (added <= WriterShare)
                {
                    break;
                }
            }

            if (log > 0)
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
