using System.Text.Json;
using FigiAuth.Server.Data;
using Microsoft.EntityFrameworkCore;

namespace FigiAuth.Server.Audit;

/// <summary>
/// Appends hash-chained audit events. The event is saved with the caller's pending changes, in the caller's
/// transaction when one is open (SECURITY.md D5): begin a transaction, change state, append, commit.
/// Appends never fork the chain: the unique Seq index rejects a second event with the same Seq and the append
/// retries from the new tail (EF rolls back to its savepoint inside a transaction); appends without a caller
/// transaction are also serialized in process.
/// </summary>
public sealed class AuditLog(TimeProvider time)
{
    const int MaxAttempts = 100;
    readonly SemaphoreSlim gate = new(1, 1);

    public async Task<AuditEvent> AppendAsync(FigiAuthDbContext db, AuditEntry entry, CancellationToken cancellationToken = default)
    {
        // In a caller's transaction the database lock orders appends; waiting on the gate there could deadlock
        // against a gate holder that waits for that lock.
        var inTransaction = db.Database.CurrentTransaction is not null;
        if (!inTransaction)
        {
            await gate.WaitAsync(cancellationToken);
        }

        try
        {
            return await AppendWithRetryAsync(db, entry, cancellationToken);
        }
        finally
        {
            if (!inTransaction)
            {
                gate.Release();
            }
        }
    }

    /// <summary>The event of <paramref name="entry"/> at <paramref name="now"/> (milliseconds, as the hash keeps it), not yet chained.</summary>
    internal static AuditEvent NewEvent(AuditEntry entry, DateTimeOffset now) => new()
    {
        At = DateTimeOffset.FromUnixTimeMilliseconds(now.ToUnixTimeMilliseconds()),
        Type = entry.Type,
        UserId = entry.UserId,
        Subject = entry.Subject,
        StepId = entry.StepId,
        StatusCode = entry.StatusCode,
        DetailJson = JsonSerializer.Serialize(entry.Detail ?? new Dictionary<string, string?>()),
        PrevHash = AuditHash.Genesis,
        Hash = AuditHash.Genesis,
    };

    async Task<AuditEvent> AppendWithRetryAsync(FigiAuthDbContext db, AuditEntry entry, CancellationToken cancellationToken)
    {
        var e = NewEvent(entry, time.GetUtcNow());
        db.AuditEvents.Add(e);
        for (var attempt = 1; ; attempt++)
        {
            var tail = await db.AuditEvents.AsNoTracking()
                .OrderByDescending(a => a.Seq)
                .Select(a => new { a.Seq, a.Hash })
                .FirstOrDefaultAsync(cancellationToken);
            e.Seq = (tail?.Seq ?? 0) + 1;
            e.PrevHash = tail?.Hash ?? AuditHash.Genesis;
            e.Hash = AuditHash.Compute(e);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return e;
            }
            catch (DbUpdateException conflict) when (DbErrors.IsUniqueViolation(conflict) && attempt < MaxAttempts)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 5 * Math.Min(attempt, 10))), cancellationToken);
            }
        }
    }
}
