using FigiAuth.Server.Data;
using FigiAuth.Server.Uaf;
using FigiAuth.Uaf.Messages;
using FigiAuth.Uaf.Verification;

namespace FigiAuth.Server.HotPath;

/// <summary>
/// The core's challenge ledger on the hot path, for one answer: it finds the Auth challenge (authentication or
/// transaction) without consuming it, so the verification runs without holding a lock. The consume — the conditional
/// update that lets exactly one answer win, success or not (SECURITY.md D1) — is the first statement of the answer's
/// work item in the group commit (<see cref="UafAuthenticationResponder"/>); an answer that loses it is refused there
/// with the same step and status as a challenge found used here.
/// </summary>
internal sealed class PeekingCeremonyLedger(CeremonyReader reader, TimeProvider time) : IUafCeremonyStore
{
    /// <summary>The challenge row the answer names, as read (a transaction's too); null when unknown, used, expired or not an Auth challenge.</summary>
    public PeekedChallenge? Peeked { get; private set; }

    public async ValueTask<IssuedUafRequest?> TryConsumeAsync(string challenge, UafOperation operation, CancellationToken cancellationToken)
    {
        if (operation != UafOperation.Auth
            || await reader.PeekChallengeAsync(challenge, time.GetUtcNow(), cancellationToken)
                is not { Purpose: CeremonyPurpose.UafAuthentication or CeremonyPurpose.UafTransaction } row)
        {
            return null;
        }

        var issued = row.Issued ?? (UafCeremonyLedger.ReadPayload(row.PayloadJson) is { } payload
            ? UafCeremonyLedger.Issued(row.Challenge, operation, row.Username, row.AppId, row.ExpiresAt, payload)
            : null);
        if (issued is null)
        {
            return null;
        }

        Peeked = row;
        // A confirmation's transaction is answered by UafResponseProcessor, which verifies it again in full: stopping the
        // hot path's verification here (as an unknown challenge) spares the signature check that would be thrown away.
        return row.Purpose == CeremonyPurpose.UafTransaction ? null : issued;
    }
}
