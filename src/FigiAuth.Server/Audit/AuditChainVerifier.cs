using System.Security.Cryptography;
using FigiAuth.Server.Data;
using Microsoft.EntityFrameworkCore;

namespace FigiAuth.Server.Audit;

/// <summary>Recomputes the hash chain from Seq 1 and reports the first event that breaks it (edit, gap, insert, swap).</summary>
public sealed class AuditChainVerifier(FigiAuthDbContext db)
{
    const int PageSize = 1000;

    public async Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken = default)
    {
        var expectedSeq = 1L;
        var prevHash = AuditHash.Genesis;
        while (true)
        {
            var page = await db.AuditEvents.AsNoTracking()
                .Where(a => a.Seq >= expectedSeq)
                .OrderBy(a => a.Seq)
                .Take(PageSize)
                .ToListAsync(cancellationToken);
            if (page.Count == 0)
            {
                return new(true, expectedSeq - 1, null, null);
            }

            foreach (var e in page)
            {
                var reason = e.Seq != expectedSeq ? $"missing seq {expectedSeq}"
                    : !CryptographicOperations.FixedTimeEquals(e.PrevHash, prevHash) ? "previous hash does not match"
                    : !CryptographicOperations.FixedTimeEquals(e.Hash, AuditHash.Compute(e)) ? "hash does not match the event"
                    : null;
                if (reason is not null)
                {
                    return new(false, expectedSeq - 1, expectedSeq, reason);
                }

                prevHash = e.Hash;
                expectedSeq++;
            }
        }
    }
}
