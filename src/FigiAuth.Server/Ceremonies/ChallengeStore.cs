using System.Buffers.Text;
using System.Security.Cryptography;
using FigiAuth.Server.Data;
using FigiAuth.Server.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FigiAuth.Server.Ceremonies;

/// <summary>
/// Server-side ceremony challenges (SECURITY.md D1). A challenge is consumed by one conditional update on the
/// first answer, success or not; the caller proceeds only when that update changed exactly one row.
/// Works inside the caller's transaction when one is open on the context.
/// </summary>
public sealed class ChallengeStore(FigiAuthDbContext db, TimeProvider time, IOptions<FigiAuthOptions> options,
    SqliteWriteGate? writeGate = null)
{
    const int ChallengeBytes = 32;

    /// <summary>
    /// Creates and saves a challenge that expires after FigiAuth:Uaf:ChallengeLifetime: 32 random bytes, or
    /// <paramref name="challengeValue"/> when the caller already put one in a message (e.g. a UAF request).
    /// </summary>
    public async Task<CeremonyChallenge> CreateAsync(CeremonyPurpose purpose, Guid? userId, string? username,
        string appId, string? payloadJson = null, CancellationToken cancellationToken = default, string? challengeValue = null)
    {
        var challenge = NewRow(purpose, userId, username, appId, payloadJson, time.GetUtcNow(), options.Value.Uaf.ChallengeLifetime,
            challengeValue);
        db.CeremonyChallenges.Add(challenge);
        if (!db.Database.IsSqlite() || db.Database.CurrentTransaction is not null)
        {
            await db.SaveChangesAsync(cancellationToken);
            return challenge;
        }

        using var writer = writeGate is null ? null : await writeGate.EnterAsync(db, cancellationToken);
        await SaveWithoutFlushAsync(cancellationToken);
        return challenge;
    }

    /// <summary>A new challenge row, issued now and expiring after <paramref name="lifetime"/>.</summary>
    public static CeremonyChallenge NewRow(CeremonyPurpose purpose, Guid? userId, string? username, string appId, string? payloadJson,
        DateTimeOffset now, TimeSpan lifetime, string? challengeValue = null) => new()
    {
        Id = Guid.CreateVersion7(now),
        Challenge = challengeValue ?? Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(ChallengeBytes)),
        Purpose = purpose,
        UserId = userId,
        Username = username,
        AppId = appId,
        PayloadJson = payloadJson,
        CreatedAt = now,
        ExpiresAt = now + lifetime,
    };

    /// <summary>
    /// SQLite: commits a new challenge with synchronous=NORMAL on this connection, then restores FULL. In WAL mode a
    /// NORMAL commit is atomic but not flushed to disk until a later FULL commit (or checkpoint) flushes the WAL; a
    /// power cut may lose it. That is not a security property: a lost, unanswered challenge only makes the client ask
    /// again, and consuming it (SECURITY.md D1) stays a durable, conditional update in the answer's FULL transaction.
    /// It saves one disk flush per ceremony (src/FigiAuth.Server/README.md, docs/PERFORMANCE.md "Server load test").
    /// </summary>
    async Task SaveWithoutFlushAsync(CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous=NORMAL", cancellationToken);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            finally
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous=FULL", CancellationToken.None);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// Consumes the challenge if it exists for this purpose, is unconsumed and unexpired; returns it then,
    /// else null. Call it before verifying anything else: a failed verification must not leave it usable.
    /// </summary>
    public async Task<CeremonyChallenge?> TryConsumeAsync(string challenge, CeremonyPurpose purpose,
        CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var changed = await db.CeremonyChallenges
            .Where(c => c.Challenge == challenge && c.Purpose == purpose && c.ConsumedAt == null && c.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.ConsumedAt, now), cancellationToken);
        if (changed != 1)
        {
            return null;
        }

        return await db.CeremonyChallenges.AsNoTracking().SingleAsync(c => c.Challenge == challenge, cancellationToken);
    }

    /// <summary>Deletes challenges that expired before now; returns how many.</summary>
    /// <summary>
    /// Deletes expired challenges, <paramref name="chunk"/> rows per statement: one statement over everything expired would
    /// hold SQLite's write lock (and the group commit's answers) for as long as it runs — at a few thousand authentications
    /// a second that is hundreds of thousands of rows.
    /// </summary>
    public async Task<int> PurgeExpiredAsync(int chunk = DefaultPurgeChunk, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(chunk, 1);
        var now = time.GetUtcNow();
        var total = 0;
        while (true)
        {
            var expired = db.CeremonyChallenges.Where(c => c.ExpiresAt < now).OrderBy(c => c.ExpiresAt).Select(c => c.Id).Take(chunk);
            var deleted = await db.CeremonyChallenges.Where(c => expired.Contains(c.Id)).ExecuteDeleteAsync(cancellationToken);
            total += deleted;
            if (deleted < chunk)
            {
                return total;
            }
        }
    }

    public const int DefaultPurgeChunk = 1000;
}
