using Microsoft.EntityFrameworkCore;

namespace FigiAuth.Server.Data;

/// <summary>
/// Orders the UAF hot path's SQLite writers in process (singleton). SQLite has one writer at a time anyway; without
/// this gate concurrent writers wait inside SQLite's busy handler, which sleeps on a thread-pool thread (1, 2, 5,
/// 10 ... ms back-off): under load that starves the pool and costs hundreds of milliseconds per ceremony. Waiting
/// here is asynchronous and first come, first served. Correctness never depends on it: SQLite's own lock (and
/// busy_timeout for writers outside the gate) still serializes every write. On PostgreSQL it does nothing.
/// </summary>
public sealed class SqliteWriteGate
{
    readonly SemaphoreSlim gate = new(1, 1);

    /// <summary>
    /// Enters the gate when <paramref name="db"/> is SQLite and not already inside a transaction; dispose to leave
    /// (once or more: only the first dispose releases).
    /// </summary>
    public async ValueTask<IDisposable> EnterAsync(FigiAuthDbContext db, CancellationToken cancellationToken)
    {
        if (!db.Database.IsSqlite() || db.Database.CurrentTransaction is not null)
        {
            return Releaser.None;
        }

        await gate.WaitAsync(cancellationToken);
        return new Releaser(gate);
    }

    /// <summary>Enters the gate, blocking this thread (the group-commit writer's own thread, never a pool thread); dispose to leave.</summary>
    public IDisposable Enter()
    {
        gate.Wait();
        return new Releaser(gate);
    }

    sealed class Releaser(SemaphoreSlim? held) : IDisposable
    {
        public static readonly Releaser None = new(null);
        SemaphoreSlim? held = held;

        public void Dispose() => Interlocked.Exchange(ref held, null)?.Release();
    }
}
