using System.Text.Json;
using FigiAuth.Server.Ceremonies;
using FigiAuth.Server.Data;
using FigiAuth.Uaf.Encoding;
using FigiAuth.Uaf.Messages;
using FigiAuth.Uaf.Verification;

namespace FigiAuth.Server.Uaf;

/// <summary>
/// The core's challenge ledger (IUafCeremonyStore) over <see cref="ChallengeStore"/>: issuing saves the request's
/// challenge with its purpose, user, AppID and the policy/transactions as PayloadJson; consuming is the store's one
/// conditional update, so the first answer wins whatever its outcome (SECURITY.md D1). Scoped: it remembers the row
/// it consumed so the caller knows the user the request was issued for.
/// </summary>
internal sealed class UafCeremonyLedger(ChallengeStore challenges) : IUafCeremonyStore
{
    /// <summary>The challenge row consumed by the last successful <see cref="TryConsumeAsync"/>, if any.</summary>
    public CeremonyChallenge? Consumed { get; private set; }

    /// <summary>The payload of <see cref="Consumed"/>: with the confirmation and the PNG displays of its forms.</summary>
    public UafChallengePayload? ConsumedPayload { get; private set; }

    /// <param name="forms">The transaction forms as sent (for the PNG display each was rendered for).</param>
    /// <param name="confirmationId">The confirmation the transaction belongs to.</param>
    public Task<CeremonyChallenge> IssueAsync(IssuedUafRequest issued, CeremonyPurpose purpose, Guid? userId, CancellationToken ct,
        IReadOnlyList<Transaction>? forms = null, string? confirmationId = null) =>
        challenges.CreateAsync(purpose, userId, issued.Username, issued.AppId, PayloadJson(issued, forms, confirmationId), ct, issued.Challenge);

    /// <summary>The row's PayloadJson: the policy, the transaction forms as sent (with their PNG displays), the confirmation.</summary>
    internal static string PayloadJson(IssuedUafRequest issued, IReadOnlyList<Transaction>? forms = null, string? confirmationId = null)
    {
        var payload = new UafChallengePayload(issued.Policy,
            issued.Transactions?.Select(t => new UafChallengeTransaction(t.ContentType, t.Content,
                forms?.FirstOrDefault(f => f.Content == StrictBase64Url.Encode(t.Content))?.TcDisplayPngCharacteristics)).ToArray(),
            confirmationId);
        return JsonSerializer.Serialize(payload, UafServerJsonContext.Default.UafChallengePayload);
    }

    internal static UafChallengePayload? ReadPayload(string? json) =>
        json is null ? null : JsonSerializer.Deserialize(json, UafServerJsonContext.Default.UafChallengePayload);

    /// <summary>What the core compares the answer with, from a challenge row and its payload.</summary>
    internal static IssuedUafRequest Issued(string challenge, UafOperation operation, string? username, string appId,
        DateTimeOffset expiresAt, UafChallengePayload payload) =>
        new(challenge, operation, username, appId, payload.Policy, expiresAt,
            payload.Transactions?.Select(t => new IssuedTransaction(t.ContentType, t.Content)).ToArray());

    public async ValueTask<IssuedUafRequest?> TryConsumeAsync(string challenge, UafOperation operation, CancellationToken cancellationToken)
    {
        // An Auth challenge is either a plain authentication or an in-band transaction; the ledger record says which.
        var row = operation switch
        {
            UafOperation.Reg => await challenges.TryConsumeAsync(challenge, CeremonyPurpose.UafRegistration, cancellationToken),
            UafOperation.Auth => await challenges.TryConsumeAsync(challenge, CeremonyPurpose.UafAuthentication, cancellationToken)
                ?? await challenges.TryConsumeAsync(challenge, CeremonyPurpose.UafTransaction, cancellationToken),
            _ => null,
        };
        if (row is null)
        {
            return null;
        }

        Consumed = row;
        var payload = ReadPayload(row.PayloadJson);
        ConsumedPayload = payload;
        return payload is null ? null : Issued(row.Challenge, operation, row.Username, row.AppId, row.ExpiresAt, payload);
    }
}
