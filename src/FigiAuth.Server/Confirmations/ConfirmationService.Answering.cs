using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FigiAuth.Server.Data;
using FigiAuth.Uaf.Messages;
using Microsoft.EntityFrameworkCore;

namespace FigiAuth.Server.Confirmations;

/// <summary>
/// The seam for the answering paths. UAF /respond: <see cref="PrepareForUafAsync"/> when building the Auth
/// request, then <see cref="CompleteAsync"/> with the authenticator's TAG_TRANSACTION_CONTENT_HASH inside the
/// transaction that verifies the assertion. Passkeys: <see cref="ChallengeForPasskeyAsync"/> for the assertion
/// options, <see cref="VerifyPasskeyChallengeAsync"/> before verifying the assertion, then
/// <see cref="CompleteAsync"/> with the binding's hash.
/// </summary>
public sealed partial class ConfirmationService
{
    const int NonceBytes = 32;

    /// <summary>
    /// The exact transaction for the UAF Auth request of a pending confirmation of <paramref name="userId"/>,
    /// or why it cannot be answered (expired, cancelled, rejected, answered, unknown or another user's).
    /// </summary>
    public async Task<ConfirmationResult<UafTransactionContent>> PrepareForUafAsync(string id, Guid userId,
        CancellationToken cancellationToken = default)
    {
        var confirmation = await FindForUserAsync(db, id, userId, cancellationToken);
        if (Refusal(confirmation, time.GetUtcNow()) is { } refused)
        {
            return refused;
        }

        var bytes = Encoding.UTF8.GetBytes(confirmation!.DisplayText);
        return new UafTransactionContent(confirmation.Id, confirmation.DisplayText, Base64Url.EncodeToString(bytes),
            SHA256.HashData(bytes), confirmation.ExpiresAt);
    }

    /// <summary>
    /// Confirms a pending confirmation after the answering path verified the user's signed assertion.
    /// In order: the confirmation is the user's and answerable; <paramref name="displayedContentHash"/> equals the
    /// SHA-256 of the server's display text (fixed-time); one conditional update moves it Pending → Confirmed with
    /// the authenticator, assertion and receipt; the audit event is appended. Runs in the transaction open on
    /// <paramref name="db"/> (commit it to keep the result; SECURITY.md D5), or in one of its own when none is open.
    /// A refusal changes nothing but appends a "confirmation.refused" audit event.
    /// </summary>
    /// <param name="authenticatorId">The AAID (UAF) or AAGUID (passkey).</param>
    /// <param name="displayedContentHash">UAF: TAG_TRANSACTION_CONTENT_HASH from the signed data. Passkey:
    /// <see cref="PasskeyBinding.DisplayTextHash"/> from <see cref="VerifyPasskeyChallengeAsync"/>.</param>
    /// <param name="signedAssertion">The signed assertion as received, kept for disputes.</param>
    /// <param name="displayedPng">When the authenticator displayed the PNG rendering of the text (UAF image/png): the
    /// display it was rendered for; <paramref name="displayedContentHash"/> is then the SHA-256 of that PNG file, which
    /// is checked against a fresh rendering of the display text. Null: the text itself was displayed.</param>
    public async Task<ConfirmationResult<ConfirmationReceipt>> CompleteAsync(string id, Guid userId,
        ConfirmationMethod method, string authenticatorId, ReadOnlyMemory<byte> displayedContentHash,
        ReadOnlyMemory<byte> signedAssertion, FigiAuthDbContext db, DisplayPngCharacteristicsDescriptor? displayedPng = null,
        CancellationToken cancellationToken = default)
    {
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var result = await CompleteInTransactionAsync(id, userId, method, authenticatorId, displayedContentHash,
                displayedPng, signedAssertion, db, cancellationToken);
            if (own is not null)
            {
                await own.CommitAsync(cancellationToken);
            }

            return result;
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync();
            }
        }
    }

    async Task<ConfirmationResult<ConfirmationReceipt>> CompleteInTransactionAsync(string id, Guid userId,
        ConfirmationMethod method, string authenticatorId, ReadOnlyMemory<byte> displayedContentHash,
        DisplayPngCharacteristicsDescriptor? displayedPng, ReadOnlyMemory<byte> signedAssertion, FigiAuthDbContext db,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var confirmation = await FindForUserAsync(db, id, userId, cancellationToken);
        var failure = Refusal(confirmation, now);
        var displayed = failure is null ? Displayed(confirmation!, displayedPng) : null;
        failure ??= CheckDisplayedContent(displayed!, displayedContentHash.Span);
        if (failure is null)
        {
            var receipt = receipts.Issue(confirmation!, displayed!, method, authenticatorId, now);
            var assertion = signedAssertion.ToArray();
            var changed = await db.Set<Confirmation>()
                .Where(c => c.Id == id && c.UserId == userId && c.Status == ConfirmationStatus.Pending && c.ExpiresAt > now)
                .ExecuteUpdateAsync(s =>
                {
                    MarkAnswered(s, ConfirmationStatus.Confirmed, now);
                    s.SetProperty(c => c.Method, method)
                        .SetProperty(c => c.Authenticator, authenticatorId)
                        .SetProperty(c => c.SignedAssertion, assertion)
                        .SetProperty(c => c.DisplayedContentType, displayed!.ContentType)
                        .SetProperty(c => c.DisplayedHash, displayed.Hash)
                        .SetProperty(c => c.Receipt, receipt);
                }, cancellationToken);
            if (changed == 1)
            {
                await audit.AppendAsync(db, Entry("confirmation.confirmed", confirmation!,
                    ("method", method.ToString()), ("authenticator", authenticatorId)), cancellationToken);
                return new ConfirmationReceipt(id, receipt, now);
            }

            // Another answer won between the read and the update.
            failure = Refusal(await FindForUserAsync(db, id, userId, cancellationToken), now)
                ?? new(ConfirmationFailureReason.AlreadyAnswered, "changed concurrently");
        }

        await audit.AppendAsync(db, new Audit.AuditEntry("confirmation.refused", userId, id,
            Detail: new Dictionary<string, string?> { ["reason"] = failure.Reason.ToString(), ["method"] = method.ToString() }),
            cancellationToken);
        return failure;
    }

    /// <summary>What the authenticator must have displayed: the text, or the server's PNG rendering of it for this display.</summary>
    static DisplayedForm? Displayed(Confirmation confirmation, DisplayPngCharacteristicsDescriptor? png)
    {
        if (png is null)
        {
            return new DisplayedForm(DisplayedForm.TextPlain, confirmation.DisplayTextHash);
        }

        return Uaf.TransactionPng.Render(confirmation.DisplayText, png) is { } rendered
            ? new DisplayedForm(DisplayedForm.ImagePng, SHA256.HashData(rendered), png)
            : null;
    }

    // TC-08: the authenticator signed the hash of what it displayed; it must be the hash of our text (or of our rendering of it).
    static ConfirmationFailure? CheckDisplayedContent(DisplayedForm? displayed, ReadOnlySpan<byte> displayedContentHash) =>
        displayed is not null && CryptographicOperations.FixedTimeEquals(displayed.Hash, displayedContentHash)
            ? null
            : new(ConfirmationFailureReason.ContentMismatch, "displayed content hash differs from the display text (or its rendering) hash");

    /// <summary>
    /// A WebAuthn challenge bound to the confirmation: SHA-256(DisplayTextHash ‖ nonce) with a fresh 32-byte nonce
    /// kept server-side as a one-time <see cref="CeremonyPurpose.PasskeyTransaction"/> challenge. It expires with
    /// the confirmation or after FigiAuth:Uaf:ChallengeLifetime, whichever is first.
    /// </summary>
    /// <param name="ceremonyState">Given the challenge, what the caller keeps with it server-side (the assertion options
    /// and browser binding); returned by <see cref="VerifyPasskeyChallengeAsync"/> as <see cref="PasskeyBinding.CeremonyState"/>.</param>
    public async Task<ConfirmationResult<PasskeyTransactionChallenge>> ChallengeForPasskeyAsync(string id, Guid userId,
        CancellationToken cancellationToken = default, Func<byte[], string>? ceremonyState = null)
    {
        var now = time.GetUtcNow();
        var confirmation = await FindForUserAsync(db, id, userId, cancellationToken);
        if (Refusal(confirmation, now) is { } refused)
        {
            return refused;
        }

        var nonce = RandomNumberGenerator.GetBytes(NonceBytes);
        var challenge = BindChallenge(confirmation!.DisplayTextHash, nonce);
        var lifetime = serverOptions.Value.Uaf.ChallengeLifetime;
        var expiresAt = confirmation.ExpiresAt < now + lifetime ? confirmation.ExpiresAt : now + lifetime;
        db.CeremonyChallenges.Add(new CeremonyChallenge
        {
            Id = Guid.CreateVersion7(now),
            Challenge = Base64Url.EncodeToString(challenge),
            Purpose = CeremonyPurpose.PasskeyTransaction,
            UserId = userId,
            AppId = serverOptions.Value.PublicOrigin ?? "",
            PayloadJson = JsonSerializer.Serialize(new PasskeyChallengePayload(id, Base64Url.EncodeToString(nonce), ceremonyState?.Invoke(challenge))),
            CreatedAt = now,
            ExpiresAt = expiresAt,
        });
        await db.SaveChangesAsync(cancellationToken);
        return new PasskeyTransactionChallenge(id, challenge, confirmation.DisplayText, expiresAt);
    }

    /// <summary>
    /// Consumes the passkey challenge (first attempt, success or not; SECURITY.md D1) and checks it was made for
    /// this confirmation and user and still equals SHA-256(DisplayTextHash ‖ nonce). Call it with the challenge
    /// from the assertion's clientDataJSON before verifying the assertion.
    /// </summary>
    public async Task<ConfirmationResult<PasskeyBinding>> VerifyPasskeyChallengeAsync(string id, Guid userId,
        ReadOnlyMemory<byte> challenge, CancellationToken cancellationToken = default)
    {
        var invalid = new ConfirmationFailure(ConfirmationFailureReason.ChallengeInvalid, "passkey transaction challenge not valid");
        var stored = await challenges.TryConsumeAsync(Base64Url.EncodeToString(challenge.Span),
            CeremonyPurpose.PasskeyTransaction, cancellationToken);
        var payload = stored?.PayloadJson is { } json ? JsonSerializer.Deserialize<PasskeyChallengePayload>(json) : null;
        if (stored is null || payload is null || stored.UserId != userId || payload.ConfirmationId != id)
        {
            return invalid;
        }

        var confirmation = await FindForUserAsync(db, id, userId, cancellationToken);
        if (Refusal(confirmation, time.GetUtcNow()) is { } refused)
        {
            return refused;
        }

        var expected = BindChallenge(confirmation!.DisplayTextHash, Base64Url.DecodeFromChars(payload.Nonce));
        return CryptographicOperations.FixedTimeEquals(expected, challenge.Span)
            ? new PasskeyBinding(id, confirmation.DisplayTextHash, payload.State)
            : invalid;
    }

    static byte[] BindChallenge(byte[] displayTextHash, byte[] nonce) => SHA256.HashData([.. displayTextHash, .. nonce]);

    /// <summary>The user's confirmation with this id (any status); another user's is not found.</summary>
    public Task<Confirmation?> FindForUserAsync(string id, Guid userId, CancellationToken cancellationToken = default) =>
        FindForUserAsync(db, id, userId, cancellationToken);

    static Task<Confirmation?> FindForUserAsync(FigiAuthDbContext db, string id, Guid userId, CancellationToken cancellationToken) =>
        db.Set<Confirmation>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == id && c.UserId == userId, cancellationToken);

    sealed record PasskeyChallengePayload(string ConfirmationId, string Nonce, string? State = null);
}
