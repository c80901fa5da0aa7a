using FigiAuth.Server.Data;
using FigiAuth.Server.Hosting;
using Microsoft.Extensions.Options;

namespace FigiAuth.Server.HotPath;

/// <summary>
/// The UAF hot path's own access to the database (singleton): the pooled <see cref="CeremonyReader"/> and the one
/// <see cref="GroupCommitWriter"/>, opened on first use with the configured provider's connection string (after
/// the migrations ran at start). docs/PERFORMANCE.md "Server load test" says why the hot path does not go through EF Core.
/// </summary>
internal sealed class HotPathDatabase(IServiceScopeFactory scopes, IOptions<FigiAuthOptions> options, SqliteWriteGate gate,
    HotPathCache cache, ILogger<GroupCommitWriter> logger) : IDisposable
{
    static readonly TimeSpan CheckpointInterval = TimeSpan.FromSeconds(1);
    readonly Lock opening = new();
    CeremonyReader? reader;
    GroupCommitWriter? writer;
    Checkpointer? checkpointer;
    bool disposed;

    bool singleNode;

    public CeremonyReader Reader => reader ?? OpenAll().Reader;

    /// <summary>
    /// SQLite: this process alone serves the database, so every answer reaches this process's writer, which takes work in
    /// the order it was queued. PostgreSQL may be shared by several nodes.
    /// </summary>
    public bool IsSingleNode
    {
        get
        {
            _ = Writer;
            return singleNode;
        }
    }

    public GroupCommitWriter Writer => writer ?? OpenAll().Writer;

    /// <summary>What the reads may answer from memory; the writers' callers keep it current.</summary>
    public HotPathCache Cache => cache;

    (CeremonyReader Reader, GroupCommitWriter Writer) OpenAll()
    {
        lock (opening)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            if (reader is null || writer is null)
            {
                using var scope = scopes.CreateScope();
                var dialect = HotPathDialect.For(scope.ServiceProvider.GetRequiredService<FigiAuthDbContext>(),
                    options.Value.Database.SqliteBusyTimeout);
                singleNode = dialect.IsSqlite;
                writer = new GroupCommitWriter(dialect, gate, logger);
                reader = new CeremonyReader(dialect, cache);
                checkpointer = dialect.IsSqlite ? new Checkpointer(dialect, writer, CheckpointInterval, logger) : null;
            }

            return (reader, writer);
        }
    }

    public void Dispose()
    {
        lock (opening)
        {
            disposed = true;
            checkpointer?.Dispose();
            writer?.Dispose();
            reader?.Dispose();
        }
    }
}
