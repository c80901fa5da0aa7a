using System.Data.Common;

namespace FigiAuth.Server.HotPath;

/// <summary>
/// Runs <see cref="HotPathDialect.Checkpoint"/> on a connection of its own every interval, so the group commit's
/// connection (which does not checkpoint) never pays for it and the WAL stays short. A failed checkpoint is logged and
/// tried again at the next tick; the data is safe in the WAL meanwhile.
/// </summary>
internal sealed class Checkpointer : IDisposable
{
    readonly HotPathDialect dialect;
    readonly ILogger logger;
    readonly Timer timer;
    readonly Lock running = new();
    DbConnection? connection;
    bool disposed;

    public Checkpointer(HotPathDialect dialect, TimeSpan interval, ILogger logger)
    {
        this.dialect = dialect;
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
            dialect.Checkpoint(connection);
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
