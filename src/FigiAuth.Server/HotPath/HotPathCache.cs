using FigiAuth.Server.Data;

namespace FigiAuth.Server.HotPath;

/// <summary>
/// What the hot path's reads may take from memory instead of SQLite (docs/PERFORMANCE.md "Reads from memory"): a read
/// on a pool connection after any commit refills that connection's pages, and the three reads of a ceremony cost more
/// than its verification. Nothing here decides a ceremony: the group commit's conditional updates do, in the database.
/// <list type="bullet">
/// <item><see cref="Challenges"/>: the challenges this process issued on the hot path, until answered or expired. The
/// answer consumes the row in the database (SECURITY.md D1) whether it was peeked here or there.</item>
/// <item><see cref="Registrations"/> and <see cref="UserKeys"/>: rows as read, for <see cref="Lifetime"/>. This
/// process forgets them after every change it makes to registrations or users (<see cref="HotPathCacheInvalidation"/>,
/// and the responder after its own counter updates); a change made by another node is seen after at most
/// <see cref="Lifetime"/>, and until then the counter update — active registrations only, forward only — still refuses
/// a revoked, deleted or replayed key.</item>
/// </list>
/// </summary>
internal sealed class HotPathCache(TimeProvider time)
{
    /// <summary>How long a registration or user read may be used (bounds another node's change going unseen).</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    // Bounds on memory: a challenge entry holds its request's payload (~1 KiB); rows are smaller.
    const int ChallengeCapacity = 20_000;
    const int RowCapacity = 100_000;

    public DateTimeOffset Now => time.GetUtcNow();

    public ExpiringMap<string, PeekedChallenge> Challenges { get; } = new(ChallengeCapacity);

    public ExpiringMap<(string AppId, string Aaid, string KeyId), RegistrationRow> Registrations { get; } = new(RowCapacity);

    public ExpiringMap<(string AppId, string NormalizedName), UserKeys> UserKeys { get; } = new(RowCapacity);

    /// <summary>A registration or a user changed (added, revoked, deleted, renamed): forget every row read before.</summary>
    public void ForgetRows()
    {
        Registrations.Clear();
        UserKeys.Clear();
    }

    /// <summary>After a committed counter update: the row's counter is at least <paramref name="signCounter"/>.</summary>
    public void CounterAdvanced((string AppId, string Aaid, string KeyId) key, long signCounter) =>
        Registrations.TryUpdate(key, r => r.SignCounter >= signCounter ? r : r with { SignCounter = signCounter });

    /// <summary>The row changed in a way this process did not follow (marked Suspect, or its counter update lost).</summary>
    public void ForgetRegistration((string AppId, string Aaid, string KeyId) key) => Registrations.Remove(key);

    public void RemoveExpired()
    {
        var now = Now;
        Challenges.RemoveExpired(now);
        Registrations.RemoveExpired(now);
        UserKeys.RemoveExpired(now);
    }
}
