using System.Data.Common;
using FigiAuth.Server.Audit;
using FigiAuth.Server.Data;

namespace FigiAuth.Server.HotPath;

/// <summary>
/// What a work item of <see cref="GroupCommitWriter"/> may do inside the batch's transaction. An item may open its own
/// <see cref="Savepoint"/>s (nested in the item's savepoint when the batch runs carefully) and should release them
/// before it returns (an open savepoint makes SQLite copy every page the rest of the batch touches). The audit chain's
/// tail is read once per transaction under the write lock and carried from event to event (and rolled back with the
/// savepoints), so a batch of N events costs N inserts and one tail read.
/// </summary>
internal sealed class WriteBatch : IDisposable
{
    readonly HotPathDialect dialect;
    readonly PreparedCommand consume, insertChallenge, advance, suspect, auditTail, insertAudit;
    readonly DbConnection connection;
    readonly Dictionary<string, (long Seq, byte[] Hash)> tails = [];
    readonly Dictionary<string, PreparedCommand> statements = [];
    DbTransaction? transaction;
    bool durable = true;
    (long Seq, byte[] Hash) tail;

    public WriteBatch(HotPathDialect dialect, DbConnection connection)
    {
        this.dialect = dialect;
        this.connection = connection;
        consume = new(connection, HotPathSql.ConsumeChallenge, "@challenge", "@purpose", "@now");
        insertChallenge = new(connection, HotPathSql.InsertChallenge,
            "@id", "@challenge", "@purpose", "@userId", "@username", "@appId", "@payload", "@createdAt", "@expiresAt");
        advance = new(connection, HotPathSql.AdvanceSignCounter, "@counter", "@now", "@id");
        suspect = new(connection, HotPathSql.MarkSuspect, "@id");
        auditTail = new(connection, HotPathSql.AuditTail);
        insertAudit = new(connection, HotPathSql.InsertAudit,
            "@seq", "@at", "@type", "@userId", "@subject", "@stepId", "@statusCode", "@detail", "@prevHash", "@hash");
    }

    /// <summary>Starts the batch's transaction (holding the write lock) and reads the audit tail.</summary>
    internal void Begin(bool durable)
    {
        TransactionNumber++;
        this.durable = durable;
        transaction = dialect.BeginWrite(connection, durable, Run);
        ReadTail();
    }

    /// <summary>Counts the transactions begun on this batch: work that saw the same number shared one transaction.</summary>
    internal long TransactionNumber { get; private set; }

    internal void ReadTail()
    {
        using var reader = auditTail.With(transaction).Read();
        tail = reader.Read() ? (reader.GetInt64(0), (byte[])reader.GetValue(1)) : (0, AuditHash.Genesis);
    }

    internal void Commit()
    {
        transaction!.Commit();
        EndTransaction();
    }

    internal void Rollback()
    {
        try
        {
            transaction?.Rollback();
        }
        finally
        {
            EndTransaction();
        }
    }

    void EndTransaction()
    {
        if (transaction is null)
        {
            return;
        }

        transaction.Dispose();
        transaction = null;
        tails.Clear();
        try
        {
            dialect.EndWrite(durable, Run);
        }
        catch (Exception e) when (e is DbException or InvalidOperationException)
        {
            // The connection may still be set for relaxed commits: it must not carry a durable one.
            Broken = true;
        }
    }

    /// <summary>True when the connection could not be restored after a transaction: drop it.</summary>
    internal bool Broken { get; private set; }

    public void Savepoint(string name)
    {
        Run($"SAVEPOINT {name}");
        tails[name] = tail;
    }

    public void Release(string name)
    {
        Run($"RELEASE SAVEPOINT {name}");
        tails.Remove(name);
    }

    /// <summary>Undoes everything since <see cref="Savepoint"/>(<paramref name="name"/>), the audit events included; the savepoint stays.</summary>
    public void RollbackTo(string name)
    {
        Run($"ROLLBACK TO SAVEPOINT {name}");
        tail = tails[name];
    }

    /// <summary>
    /// Runs <paramref name="update"/> for each value until one changes no row; then what the earlier ones changed is undone
    /// and false is returned. A single value needs no savepoint (its failed update changed nothing); otherwise the
    /// savepoint is released at once, since an open one makes SQLite copy every page the rest of the batch touches.
    /// </summary>
    public bool TryAll<T>(IReadOnlyList<T> values, Func<T, bool> update)
    {
        if (values.Count == 1)
        {
            return update(values[0]);
        }

        Savepoint(AllOrNoneSavepoint);
        foreach (var value in values)
        {
            if (!update(value))
            {
                RollbackTo(AllOrNoneSavepoint);
                Release(AllOrNoneSavepoint);
                return false;
            }
        }

        Release(AllOrNoneSavepoint);
        return true;
    }

    const string AllOrNoneSavepoint = "all_or_none";

    /// <summary>Savepoint and synchronous statements: a handful of fixed texts, each prepared once.</summary>
    void Run(string sql)
    {
        if (!statements.TryGetValue(sql, out var command))
        {
            statements[sql] = command = new PreparedCommand(connection, sql);
        }

        command.With(transaction).Execute();
    }

    public void InsertChallenge(CeremonyChallenge c) => insertChallenge.With(transaction, dialect.Guid(c.Id), c.Challenge, (int)c.Purpose,
        c.UserId is { } u ? dialect.Guid(u) : null, c.Username, c.AppId, c.PayloadJson, dialect.Time(c.CreatedAt), dialect.Time(c.ExpiresAt))
        .Execute();

    /// <summary>True when this call consumed the challenge (it existed for this purpose, unconsumed and unexpired).</summary>
    public bool TryConsumeChallenge(string challenge, CeremonyPurpose purpose, DateTimeOffset now) =>
        consume.With(transaction, challenge, (int)purpose, dialect.Time(now)).Execute() == 1;

    public bool TryAdvanceSignCounter(Guid registrationId, long signCounter, DateTimeOffset now) =>
        advance.With(transaction, signCounter, dialect.Time(now), dialect.Guid(registrationId)).Execute() == 1;

    public bool MarkSuspect(Guid registrationId) => suspect.With(transaction, dialect.Guid(registrationId)).Execute() == 1;

    /// <summary>Appends to the hash chain (SECURITY.md D5: in the transaction of the change it records).</summary>
    public void Audit(AuditEntry entry, DateTimeOffset now)
    {
        var e = AuditLog.NewEvent(entry, now);
        e.Seq = tail.Seq + 1;
        e.PrevHash = tail.Hash;
        e.Hash = AuditHash.Compute(e);
        insertAudit.With(transaction, e.Seq, dialect.Time(e.At), e.Type, e.UserId is { } u ? dialect.Guid(u) : null, e.Subject, e.StepId,
            e.StatusCode, e.DetailJson, e.PrevHash, e.Hash).Execute();
        tail = (e.Seq, e.Hash);
    }

    public void Dispose()
    {
        EndTransaction();
        consume.Dispose();
        insertChallenge.Dispose();
        advance.Dispose();
        suspect.Dispose();
        auditTail.Dispose();
        insertAudit.Dispose();
        foreach (var statement in statements.Values)
        {
            statement.Dispose();
        }
    }
}
