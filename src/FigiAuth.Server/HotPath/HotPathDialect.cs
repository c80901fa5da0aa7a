using System.Data.Common;
using FigiAuth.Server.Data;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace FigiAuth.Server.HotPath;

/// <summary>
/// What differs between the providers for the hand-written SQL of the UAF hot path: how a connection is opened, and
/// how Guid and DateTimeOffset values are stored — exactly as the EF model stores them (SQLite: upper-case TEXT and
/// UTC ticks, see <see cref="SqliteFigiAuthDbContext"/>; PostgreSQL: uuid and timestamptz), so rows written here and
/// rows written through EF are the same rows. The SQL text itself is shared: both speak double-quoted identifiers,
/// @named parameters, RETURNING, LIMIT and SAVEPOINT.
/// </summary>
internal abstract class HotPathDialect(string connectionString)
{
    protected string ConnectionString { get; } = connectionString;

    public abstract bool IsSqlite { get; }

    /// <summary>A new open connection of this service's own (not pooled by the provider: the caller keeps it).</summary>
    public abstract DbConnection Open();

    /// <summary>The group commit's connection: like <see cref="Open"/>, without work that stalls a commit (SQLite's automatic checkpoint).</summary>
    public virtual DbConnection OpenWriter() => Open();

    /// <summary>
    /// Copies committed log pages into the database without blocking writers (SQLite: a PASSIVE checkpoint of the WAL)
    /// and answers how many frames the log held when the pass began (0: empty); nothing to do where the database does
    /// it by itself.
    /// </summary>
    public virtual long Checkpoint(DbConnection connection) => 0;

    /// <summary>
    /// A write transaction that holds the database's write lock from its first statement (SQLite: BEGIN IMMEDIATE). When
    /// not <paramref name="durable"/>, its commit is atomic but does not wait for the disk (SQLite synchronous=NORMAL in WAL
    /// mode: flushed with the next durable commit; PostgreSQL synchronous_commit off): a crash may lose it, never tear it.
    /// <paramref name="execute"/> runs a statement outside any transaction on the caller's statements prepared once.
    /// </summary>
    public abstract DbTransaction BeginWrite(DbConnection connection, bool durable, Action<string> execute);

    /// <summary>Undoes what <see cref="BeginWrite"/> changed on the connection, once the transaction ended.</summary>
    public virtual void EndWrite(bool durable, Action<string> execute)
    {
    }

    protected static void Execute(DbConnection connection, DbTransaction? transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public abstract object Guid(Guid value);

    public abstract Guid ReadGuid(DbDataReader reader, int ordinal);

    public abstract object Time(DateTimeOffset value);

    public abstract DateTimeOffset ReadTime(DbDataReader reader, int ordinal);

    public abstract bool IsUniqueViolation(Exception exception);

    public static HotPathDialect For(FigiAuthDbContext db, TimeSpan sqliteBusyTimeout)
    {
        var connectionString = Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.GetConnectionString(db.Database)
            ?? throw new InvalidOperationException("the database has no connection string");
        return db is SqliteFigiAuthDbContext
            ? new SqliteDialect(connectionString, sqliteBusyTimeout)
            : new PostgresDialect(connectionString);
    }
}

internal sealed class SqliteDialect(string connectionString, TimeSpan busyTimeout) : HotPathDialect(connectionString)
{
    public override bool IsSqlite => true;

    public override DbConnection Open()
    {
        var builder = new SqliteConnectionStringBuilder(ConnectionString) { Pooling = false };
        var connection = new SqliteConnection(builder.ConnectionString) { DefaultTimeout = Math.Max(30, (int)busyTimeout.TotalSeconds) };
        connection.Open();
        // The same pragmas as every EF connection: WAL, durable commits, foreign keys, the busy timeout.
        Execute(connection, null, SqlitePragmaInterceptor.PragmasFor(busyTimeout));
        return connection;
    }

    public override DbConnection OpenWriter()
    {
        // SQLite checkpoints inside the commit that makes the WAL pass 1000 pages: writing the pages back and flushing the
        // database file there stalls every answer of the batch. HotPathDatabase checkpoints in the background instead.
        // When the log starts over, a log that a burst made long is cut back to the limit (it is otherwise never shrunk).
        var connection = Open();
        Execute(connection, null, $"PRAGMA wal_autocheckpoint=0; PRAGMA journal_size_limit={WalSizeLimit}");
        return connection;
    }

    /// <summary>What the writer's log is cut back to when it starts over; <see cref="Checkpointer.RestartFrames"/> follows from it.</summary>
    internal const long WalSizeLimit = 256L << 20;

    public override long Checkpoint(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
        using var result = command.ExecuteReader();
        // One row: busy (another checkpoint held the lock), frames in the log, frames copied (-1, -1 outside WAL mode).
        // The counts are the log as this pass saw it begin: what the writer added meanwhile is not in them.
        return result.Read() ? Math.Max(0, result.GetInt64(1)) : 0;
    }

    public override DbTransaction BeginWrite(DbConnection connection, bool durable, Action<string> execute)
    {
        if (!durable)
        {
            execute("PRAGMA synchronous=NORMAL");
        }

        return ((SqliteConnection)connection).BeginTransaction(deferred: false);
    }

    public override void EndWrite(bool durable, Action<string> execute)
    {
        if (!durable)
        {
            execute("PRAGMA synchronous=FULL");
        }
    }

    // EF Core's SQLite provider stores Guid as upper-case TEXT and compares it as text.
    public override object Guid(Guid value) => value.ToString("D").ToUpperInvariant();

    public override Guid ReadGuid(DbDataReader reader, int ordinal) => System.Guid.Parse(reader.GetString(ordinal));

    public override object Time(DateTimeOffset value) => value.UtcTicks;

    public override DateTimeOffset ReadTime(DbDataReader reader, int ordinal) => new(reader.GetInt64(ordinal), TimeSpan.Zero);

    public override bool IsUniqueViolation(Exception exception) =>
        exception is SqliteException { SqliteExtendedErrorCode: 2067 or 1555 };
}

internal sealed class PostgresDialect(string connectionString) : HotPathDialect(connectionString)
{
    public override bool IsSqlite => false;

    public override DbConnection Open()
    {
        var connection = new NpgsqlConnection(ConnectionString);
        connection.Open();
        return connection;
    }

    public override object Guid(Guid value) => value;

    public override Guid ReadGuid(DbDataReader reader, int ordinal) => reader.GetGuid(ordinal);

    public override DbTransaction BeginWrite(DbConnection connection, bool durable, Action<string> execute)
    {
        var transaction = connection.BeginTransaction();
        if (!durable)
        {
            Execute(connection, transaction, "SET LOCAL synchronous_commit TO OFF");
        }

        return transaction;
    }

    public override object Time(DateTimeOffset value) => value.ToUniversalTime();

    public override DateTimeOffset ReadTime(DbDataReader reader, int ordinal) => reader.GetFieldValue<DateTimeOffset>(ordinal);

    public override bool IsUniqueViolation(Exception exception) => exception is PostgresException { SqlState: "23505" };
}
