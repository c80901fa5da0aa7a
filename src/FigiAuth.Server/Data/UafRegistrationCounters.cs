using Microsoft.EntityFrameworkCore;

namespace FigiAuth.Server.Data;

public static class UafRegistrationCounters
{
    /// <summary>
    /// Moves the sign counter forward with one conditional update (SECURITY.md CC-02): true only when the
    /// registration is active and its stored counter was lower, so parallel assertions never lose an update.
    /// A counter of 0 means the authenticator does not count; then only LastUsedAt changes.
    /// </summary>
    public static async Task<bool> TryAdvanceSignCounterAsync(this DbSet<UafRegistration> registrations,
        Guid id, long signCounter, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var query = registrations.Where(r => r.Id == id && r.Status == UafRegistrationStatus.Active);
        if (signCounter != 0)
        {
            query = query.Where(r => r.SignCounter < signCounter);
        }

        var changed = await query.ExecuteUpdateAsync(
            s => s.SetProperty(r => r.SignCounter, r => signCounter == 0 ? r.SignCounter : signCounter)
                  .SetProperty(r => r.LastUsedAt, now),
            cancellationToken);
        return changed == 1;
    }
}
