using System.Security.Cryptography;
using FigiAuth.Server.Data;
using Microsoft.EntityFrameworkCore;

namespace FigiAuth.Server.Audit;

/// <summary>
/// Recomputes the hash chain from Seq 1 and reports the first event that breaks it (edit, gap, insert, swap); given a
/// head recorded earlier, also that the chain still holds it (nothing cut off the end, nothing rewritten up to it).
/// </summary>
public sealed class AuditChainVerifier(FigiAuthDbContext db)
{
    const int PageSize = 1000;

    public async Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken = default) =>
        await VerifyAsync(null, cancellationToken);

    public async Task<AuditVerification> VerifyAsync(AuditHead? recorded, CancellationToken cancellationToken = default)
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
                var head = expectedSeq == 1 ? null : new AuditHead(expectedSeq - 1, prevHash).ToString();
                return recorded is not null && recorded.Seq >= expectedSeq
                    ? new(false, expectedSeq - 1, expectedSeq, $"the chain ends at seq {expectedSeq - 1}, before the recorded head {recorded.Seq}: events were removed from its end", head)
                    : new(true, expectedSeq - 1, null, null, head);
            }

            foreach (var e in page)
            {
                var reason = e.Seq != expectedSeq ? $"missing seq {expectedSeq}"
                    : !CryptographicOperations.FixedTimeEquals(e.PrevHash, prevHash) ? "previous hash does not match"
                    : !CryptographicOperations.FixedTimeEquals(e.Hash, AuditHash.Compute(e)) ? "hash does not match the event"
                    : recorded is not null && e.Seq == recorded.Seq && !CryptographicOperations.FixedTimeEquals(e.Hash, recorded.Hash)
                        ? "the recorded head's hash does not match: the chain was rewritten up to it"
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
