using System.Data.Common;
using System.Threading.Channels;
using FigiAuth.Server.Data;

namespace FigiAuth.Server.HotPath;

/// <summary>
/// Group commit for the UAF hot path. Requests queue small work items; one thread with one connection takes every item
/// waiting (up to <see cref="MaxBatch"/>), runs them one after another inside one transaction and commits once. Items
/// first run plainly (the common case: none fails); only when one throws is that transaction rolled back and the batch
/// run again with a savepoint around each item, so one item's failure undoes only that item. One durable commit (one
/// disk flush with synchronous=FULL) then answers the whole batch, and no item's task completes before that commit: an
/// answer is never sent for a change that is not yet on disk (SECURITY.md D5). Under load the batch grows by itself (everything that
/// arrived during the previous flush), which is what lets durable SQLite keep up with the verifier.
/// </summary>
internal sealed class GroupCommitWriter : IDisposable
{
    const int MaxBatch = 256;
    const int MaxAttempts = 5;
    const string ItemSavepoint = "hot_item";

    readonly Channel<WorkItem> queue = Channel.CreateUnbounded<WorkItem>(new UnboundedChannelOptions { SingleReader = true });
    readonly HotPathDialect dialect;
    readonly SqliteWriteGate gate;
    readonly ILogger logger;
    readonly Thread thread;
    DbConnection? connection;
    WriteBatch? batch;

    public GroupCommitWriter(HotPathDialect dialect, SqliteWriteGate gate, ILogger logger)
    {
        this.dialect = dialect;
        this.gate = gate;
        this.logger = logger;
        thread = new Thread(Loop) { IsBackground = true, Name = "FigiAuth group commit" };
        thread.Start();
    }

    /// <summary>
    /// Runs <paramref name="work"/> in the next batch; completes after that batch committed. <paramref name="work"/> may
    /// run more than once, each time from a clean state (after another item of its batch failed, or after a unique-key
    /// conflict with a writer outside this queue): it must only act through the batch and return what it decided. Work
    /// that is not <paramref name="durable"/> commits atomically but without waiting for the disk
    /// (<see cref="HotPathDialect.BeginWrite"/>) when its batch holds no durable work; otherwise it commits with the
    /// batch's durable work. Any later durable commit flushes it too.
    /// </summary>
    public Task<T> WriteAsync<T>(Func<WriteBatch, T> work, bool durable = true)
    {
        var item = new WorkItem<T>(work, durable);
        if (!queue.Writer.TryWrite(item))
        {
            throw new ObjectDisposedException(nameof(GroupCommitWriter), "the server is stopping");
        }

        return item.Task;
    }

    void Loop()
    {
        var reader = queue.Reader;
        var items = new List<WorkItem>(MaxBatch);
        while (WaitToRead(reader))
        {
            while (items.Count < MaxBatch && reader.TryRead(out var item))
            {
                items.Add(item);
            }

            RunBatch(items);
            items.Clear();
        }

        CloseConnection();
    }

    /// <summary>
    /// Blocks until work arrives (true) or the queue is completed (false). Not Task.Wait: that spins before it blocks, and
    /// on a server given one core each spin is a sched_yield taken from the request threads the writer is waiting for.
    /// </summary>
    static bool WaitToRead(ChannelReader<WorkItem> reader)
    {
        var wait = reader.WaitToReadAsync();
        if (wait.IsCompleted)
        {
            return wait.Result;
        }

        using var task = wait.AsTask();
        ((IAsyncResult)task).AsyncWaitHandle.WaitOne();
        return task.Result;
    }

    void RunBatch(List<WorkItem> items)
    {
        // In process, SQLite writers outside this queue (EF paths) take turns with whole batches instead of meeting
        // SQLite's sleeping busy handler; correctness never depends on it (BEGIN IMMEDIATE holds the real lock).
        using var held = dialect.IsSqlite ? gate.Enter() : null;
        // One transaction per batch: relaxed work that shares a batch with durable work rides on the durable commit (its
        // task then completes after the flush, which only makes it later, never less safe); a batch of relaxed work
        // alone commits without waiting for the disk.
        RunTransaction(items, durable: items.Exists(i => i.Durable));
    }

    void RunTransaction(List<WorkItem> items, bool durable)
    {
        if (items.Count == 0)
        {
            return;
        }

        try
        {
            if (batch is null)
            {
                connection = dialect.OpenWriter();
                batch = new WriteBatch(dialect, connection);
            }

            if (!TryRunPlainly(batch, items, durable))
            {
                batch.Begin(durable);
                foreach (var item in items)
                {
                    RunItem(batch, item);
                }
            }

            batch.Commit();
        }
        catch (Exception e)
        {
            // Nothing of this batch is stored: every item fails, the ones that ran fine too.
            logger.LogError(e, "group commit of {Count} items failed; the connection is reopened", items.Count);
            try
            {
                batch?.Rollback();
            }
            catch (Exception)
            {
                // The connection is dropped below whatever state it is in.
            }

            CloseConnection();
            foreach (var item in items)
            {
                item.Fail(e);
                item.Publish();
            }

            return;
        }

        if (batch?.Broken == true)
        {
            CloseConnection();
        }

        foreach (var item in items)
        {
            item.Publish();
        }
    }

    /// <summary>
    /// Runs every item without savepoints (two statements per item less); true when all succeeded and the transaction
    /// is open for the commit. When one throws, the whole transaction is rolled back — nothing of it stays, the tail read
    /// included — and false sends the batch to the careful run. Re-running is allowed: <see cref="WriteAsync{T}"/>.
    /// </summary>
    static bool TryRunPlainly(WriteBatch batch, List<WorkItem> items, bool durable)
    {
        batch.Begin(durable);
        try
        {
            foreach (var item in items)
            {
                item.Run(batch);
            }

            return true;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            batch.Rollback();
            return false;
        }
    }

    void RunItem(WriteBatch batch, WorkItem item)
    {
        for (var attempt = 1; ; attempt++)
        {
            batch.Savepoint(ItemSavepoint);
            try
            {
                item.Run(batch);
                batch.Release(ItemSavepoint);
                return;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                batch.RollbackTo(ItemSavepoint);
                batch.Release(ItemSavepoint);
                if (dialect.IsUniqueViolation(e) && attempt < MaxAttempts)
                {
                    // Another writer appended to the audit chain between our tail read and this insert.
                    batch.ReadTail();
                    continue;
                }

                item.Fail(e);
                return;
            }
        }
    }

    void CloseConnection()
    {
        batch?.Dispose();
        batch = null;
        connection?.Dispose();
        connection = null;
    }

    public void Dispose()
    {
        queue.Writer.TryComplete();
        thread.Join(TimeSpan.FromSeconds(10));
    }

    abstract class WorkItem(bool durable)
    {
        public bool Durable { get; } = durable;

        public abstract void Run(WriteBatch batch);

        public abstract void Fail(Exception e);

        public abstract void Publish();
    }

    sealed class WorkItem<T>(Func<WriteBatch, T> work, bool durable) : WorkItem(durable)
    {
        readonly TaskCompletionSource<T> completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
        T? result;
        Exception? failure;

        public Task<T> Task => completion.Task;

        public override void Run(WriteBatch batch)
        {
            result = work(batch);
            failure = null;
        }

        public override void Fail(Exception e) => failure = e;

        public override void Publish()
        {
            if (failure is not null)
            {
                completion.TrySetException(failure);
            }
            else
            {
                completion.TrySetResult(result!);
            }
        }
    }
}
