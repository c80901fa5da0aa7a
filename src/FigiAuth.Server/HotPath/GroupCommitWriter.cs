using System.Diagnostics;
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

    /// <summary>
    /// The longest a batch of <see cref="WriteDurability.Deferred"/> work waits for durable work to join it. A UAF answer
    /// usually follows its request by seconds, but machines answer within a millisecond, and every answer's durable
    /// commit that meets waiting challenge inserts saves their transaction; a crash loses at most this much of them
    /// (their answers are refused 1491 and the client asks again).
    /// </summary>
    internal static readonly TimeSpan DeferLimit = TimeSpan.FromMilliseconds(5);

    /// <summary>
    /// Under load (the previous commit ended less than <see cref="CommitDelay"/> ago), a durable batch smaller than this
    /// waits up to <see cref="CommitDelay"/> for more work before it commits — PostgreSQL's commit_delay/commit_siblings
    /// idea: when commits follow each other, each one's fixed cost (begin, audit tail, commit, flush) is what saturates the
    /// core, and a fuller batch shares it. An idle writer commits at once.
    /// </summary>
    internal const int SiblingTarget = 8;

    internal static readonly TimeSpan CommitDelay = TimeSpan.FromMilliseconds(1);

    readonly Channel<WorkItem> queue = Channel.CreateUnbounded<WorkItem>(new UnboundedChannelOptions { SingleReader = true });
    readonly HotPathDialect dialect;
    readonly SqliteWriteGate gate;
    readonly ILogger logger;
    readonly Thread thread;
    readonly TimeSpan deferLimit;
    readonly TimeSpan commitDelay;
    Task<bool>? pendingWait;
    long lastCommitEnded;
    int checkpointRequested;
    long committedItems;
    DbConnection? connection;
    WriteBatch? batch;

    /// <param name="deferLimit">How long deferred work waits for durable work; <see cref="DeferLimit"/> unless a test says.</param>
    /// <param name="commitDelay">How long a small durable batch waits under load; <see cref="CommitDelay"/> unless a test says.</param>
    public GroupCommitWriter(HotPathDialect dialect, SqliteWriteGate gate, ILogger logger, TimeSpan? deferLimit = null,
        TimeSpan? commitDelay = null)
    {
        this.dialect = dialect;
        this.deferLimit = deferLimit ?? DeferLimit;
        this.commitDelay = commitDelay ?? CommitDelay;
        this.gate = gate;
        this.logger = logger;
        thread = new Thread(Loop) { IsBackground = true, Name = "FigiAuth group commit" };
        thread.Start();
    }

    /// <summary>
    /// Runs <paramref name="work"/> in the next batch; completes after that batch committed (<paramref name="durability"/>
    /// says how). <paramref name="work"/> may run more than once, each time from a clean state (after another item of its
    /// batch failed, or after a unique-key conflict with a writer outside this queue): it must only act through the batch
    /// and return what it decided.
    /// </summary>
    public Task<T> WriteAsync<T>(Func<WriteBatch, T> work, WriteDurability durability = WriteDurability.Durable)
    {
        var item = new WorkItem<T>(work, durability);
        if (!queue.Writer.TryWrite(item))
        {
            throw new ObjectDisposedException(nameof(GroupCommitWriter), "the server is stopping");
        }

        return item.Task;
    }

    /// <summary>
    /// Asks the writer to checkpoint on its own connection after its next commit (<see cref="Checkpointer"/> says why):
    /// no frame is added while it copies, so the log is caught up and the batch after starts it over. The batch's answers
    /// are sent before; only the next batch waits for the copy of those few frames.
    /// </summary>
    public void RequestCheckpoint() => Volatile.Write(ref checkpointRequested, 1);

    /// <summary>How many work items the writer's committed batches held since it started (a batch that failed as a whole not counted).</summary>
    public long CommittedItems => Volatile.Read(ref committedItems);

    void Loop()
    {
        var reader = queue.Reader;
        var items = new List<WorkItem>(MaxBatch);
        while (WaitToRead(reader, Timeout.InfiniteTimeSpan))
        {
            Drain(reader, items);
            WaitForDurableWork(reader, items);
            WaitForSiblings(reader, items);
            RunBatch(items);
            lastCommitEnded = Stopwatch.GetTimestamp();
            items.Clear();
            CheckpointIfRequested();
        }

        CloseConnection();
    }

    static void Drain(ChannelReader<WorkItem> reader, List<WorkItem> items)
    {
        while (items.Count < MaxBatch && reader.TryRead(out var item))
        {
            items.Add(item);
        }
    }

    /// <summary>
    /// A batch of deferred work only waits (up to the defer limit) for work that is not deferred; whatever arrives
    /// meanwhile joins it, and the first item that is not deferred ends the wait at once.
    /// </summary>
    void WaitForDurableWork(ChannelReader<WorkItem> reader, List<WorkItem> items) =>
        GatherWhile(reader, items, deferLimit, () => items.TrueForAll(i => i.Durability == WriteDurability.Deferred));

    /// <summary>A small durable batch right after another commit waits (up to the commit delay) for <see cref="SiblingTarget"/> items.</summary>
    void WaitForSiblings(ChannelReader<WorkItem> reader, List<WorkItem> items)
    {
        if (Stopwatch.GetElapsedTime(lastCommitEnded) <= commitDelay && items.Exists(i => i.Durability == WriteDurability.Durable))
        {
            GatherWhile(reader, items, commitDelay, () => items.Count < SiblingTarget);
        }
    }

    /// <summary>Adds what arrives to <paramref name="items"/> while <paramref name="waiting"/> holds, for at most <paramref name="limit"/>.</summary>
    void GatherWhile(ChannelReader<WorkItem> reader, List<WorkItem> items, TimeSpan limit, Func<bool> waiting)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(limit.TotalSeconds * Stopwatch.Frequency);
        while (items.Count < MaxBatch && waiting())
        {
            var left = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), deadline);
            // Waits take whole milliseconds: round up, or the last fraction would not wait at all.
            if (left <= TimeSpan.Zero || !WaitToRead(reader, TimeSpan.FromMilliseconds(Math.Ceiling(left.TotalMilliseconds))))
            {
                return;
            }

            Drain(reader, items);
        }
    }

    /// <summary>
    /// Blocks until work arrives (true), the queue is completed or <paramref name="timeout"/> passed (false). Not
    /// Task.Wait: that spins before it blocks, and on a server given one core each spin is a sched_yield taken from the
    /// request threads the writer is waiting for. A wait that timed out is kept and waited on again (the channel has one
    /// reader, and a second wait would cancel the first).
    /// </summary>
    bool WaitToRead(ChannelReader<WorkItem> reader, TimeSpan timeout)
    {
        var wait = pendingWait;
        pendingWait = null;
        if (wait is null)
        {
            var ready = reader.WaitToReadAsync();
            if (ready.IsCompleted)
            {
                return ready.Result;
            }

            wait = ready.AsTask();
        }

        if (!((IAsyncResult)wait).AsyncWaitHandle.WaitOne(timeout))
        {
            pendingWait = wait;
            return false;
        }

        var more = wait.Result;
        wait.Dispose();
        return more;
    }

    void RunBatch(List<WorkItem> items)
    {
        // In process, SQLite writers outside this queue (EF paths) take turns with whole batches instead of meeting
        // SQLite's sleeping busy handler; correctness never depends on it (BEGIN IMMEDIATE holds the real lock).
        using var held = dialect.IsSqlite ? gate.Enter() : null;
        // One transaction per batch: relaxed work that shares a batch with durable work rides on the durable commit (its
        // task then completes after the flush, which only makes it later, never less safe); a batch of relaxed work
        // alone commits without waiting for the disk.
        RunTransaction(items, durable: items.Exists(i => i.Durability == WriteDurability.Durable));
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
            Volatile.Write(ref committedItems, committedItems + items.Count);
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

    void CheckpointIfRequested()
    {
        if (connection is null || Interlocked.Exchange(ref checkpointRequested, 0) == 0)
        {
            return;
        }

        try
        {
            dialect.Checkpoint(connection);
        }
        catch (DbException e)
        {
            // The log is only longer until the next request; the data is in it.
            logger.LogWarning(e, "the writer's checkpoint failed");
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

    abstract class WorkItem(WriteDurability durability)
    {
        public WriteDurability Durability { get; } = durability;

        public abstract void Run(WriteBatch batch);

        public abstract void Fail(Exception e);

        public abstract void Publish();
    }

    sealed class WorkItem<T>(Func<WriteBatch, T> work, WriteDurability durability) : WorkItem(durability)
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
