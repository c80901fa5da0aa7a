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
public sealed class ChallengeStore(FigiAuthDbContext db, TimeProvider time, IOptions<FigiAuthOptions> options)
{
    const int ChallengeBytes = 32;

    /// <summary>
    /// Creates and saves a challenge that expires after FigiAuth:Uaf:ChallengeLifetime: 32 random bytes, or
    /// <paramref name="challengeValue"/> when the caller already put one in a message (e.g. a UAF request).
    /// </summary>
    public async Task<CeremonyChallenge> CreateAsync(CeremonyPurpose purpose, Guid? userId, string? username,
        string appId, string? payloadJson = null, CancellationToken cancellationToken = default, string? challengeValue = null)
    {
        var now = time.GetUtcNow();
        var challenge = new CeremonyChallenge
        {
            Id = Guid.CreateVersion7(now),
            Challenge = challengeValue ?? Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(ChallengeBytes)),
            Purpose = purpose,
            UserId = userId,
            Username = username,
            AppId = appId,
            PayloadJson = payloadJson,
            CreatedAt = now,
            ExpiresAt = now + options.Value.Uaf.ChallengeLifetime,
        };
        db.CeremonyChallenges.Add(challenge);
        await db.SaveChangesAsync(cancellationToken);
        return challenge;
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
    public Task<int> PurgeExpiredAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        return db.CeremonyChallenges.Where(c => c.ExpiresAt < now).ExecuteDeleteAsync(cancellationToken);
    }
}
