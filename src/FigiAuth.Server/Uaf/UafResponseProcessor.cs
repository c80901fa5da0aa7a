using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using FigiAuth.Server.Audit;
using System.Security.Cryptography;
using FigiAuth.Server.Ceremonies;
using FigiAuth.Server.Confirmations;
using FigiAuth.Server.Oidc;
using FigiAuth.Server.Data;
using FigiAuth.Server.Tokens;
using FigiAuth.Uaf;
using FigiAuth.Uaf.Authentication;
using FigiAuth.Uaf.Encoding;
using FigiAuth.Uaf.Messages;
using FigiAuth.Uaf.Metadata;
using FigiAuth.Uaf.Registration;
using FigiAuth.Uaf.Verification;
using Microsoft.EntityFrameworkCore;
using RowStatus = FigiAuth.Server.Data.UafRegistrationStatus;

namespace FigiAuth.Server.Uaf;

/// <summary>
/// POST /uaf/v1/respond (UAF.md §4, §8.2, §8.3): dispatches on header.op, verifies with the core, persists the
/// outcome and its audit event in one transaction, and answers the ServerResponse of the configured status profile.
/// The challenge is consumed by a conditional update inside the verifier, before anything else is checked: the first
/// answer wins even when its verification then fails. For an authentication that update is part of the answer's one
/// transaction (see AuthenticateAsync); a registration consumes in its own commit.
/// </summary>
internal sealed class UafResponseProcessor(
    FigiAuthDbContext db, UafCeremonyLedger ledger, UafRegistrationLookup lookup, IMetadataStore metadata, UafSettings settings,
    UafPublicKeyCache keyCache, AuditLog audit, AccessTokenIssuer tokens, ConfirmationService confirmations, CeremonyMetrics metrics,
    TimeProvider time, SqliteWriteGate writeGate, ILogger<UafResponseProcessor> logger)
{
    public async Task<ServerResponse> RespondAsync(string uafResponse, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var op = UafMessageReader.PeekResponseOperation(uafResponse);
        var (operation, response) = !op.Succeeded
            ? ("uaf.respond", await RejectAsync("uaf.respond.rejected", op.Failure, null, ct))
            : op.Value == UafOperation.Reg
                ? ("uaf.reg.respond", await RegisterAsync(uafResponse, ct))
                : ("uaf.auth.respond", await AuthenticateAsync(uafResponse, ct));
        metrics.Record(operation, response.StatusCode.ToString(CultureInfo.InvariantCulture), Stopwatch.GetElapsedTime(started));
        return response;
    }

    async Task<ServerResponse> RegisterAsync(string uafResponse, CancellationToken ct)
    {
        var verified = await RegistrationVerifier.VerifyAsync(uafResponse, new RegistrationVerificationContext
        {
            AppId = settings.AppId,
            TrustedFacetIds = settings.TrustedFacetIds,
            Metadata = metadata,
            Ceremonies = ledger,
            TimeProvider = time,
            ServerDataProtector = settings.ServerData,
            ExistingRegistrations = lookup,
        }, ct);
        var userId = ledger.Consumed?.UserId;
        if (!verified.Succeeded)
        {
            return await RejectAsync("uaf.reg.rejected", verified.Failure, userId, ct);
        }

        if (userId is not { } owner)
        {
            return await RejectAsync("uaf.reg.rejected",
                new UafFailure(UafStatusCode.RequestInvalid, UafSteps.Reg05, "the challenge was issued for no user"), null, ct);
        }

        var outcome = verified.Value;
        var now = time.GetUtcNow();
        var rows = outcome.Registrations.Select(r => ToRow(r, owner, settings.AppId, now)).ToList();
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            db.UafRegistrations.AddRange(rows);
            await audit.AppendAsync(db, new AuditEntry("uaf.reg.ok", owner, rows[0].Id.ToString("D"), UafSteps.Reg20, (int)UafStatusCode.Ok,
                new Dictionary<string, string?>
                {
                    ["keys"] = string.Join(",", rows.Select(r => $"{r.Aaid}/{r.KeyId}")),
                    ["attestation"] = string.Join(",", rows.Select(r => $"0x{r.AttestationType:X4}")),
                    ["risk"] = outcome.RiskFlags.ToString(),
                    ["skippedAssertions"] = outcome.SkippedAssertions.Count.ToString(CultureInfo.InvariantCulture),
                }), ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            // (AppID, AAID, KeyID) is unique (SECURITY.md D7): a parallel registration of the same key won.
            db.ChangeTracker.Clear();
            return await RejectAsync("uaf.reg.rejected",
                new UafFailure(UafStatusCode.UnacceptableContent, UafSteps.Reg20, "this key is already registered"), owner, ct);
        }

        return new ServerResponse((int)UafStatusCode.Ok);
    }

    static UafRegistration ToRow(NewUafRegistration r, Guid userId, string appId, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        UserId = userId,
        AppId = appId,
        Aaid = UafSettings.NormalizeAaid(r.Aaid),
        KeyId = r.KeyId,
        PublicKey = r.PublicKey,
        SignatureAlgorithm = (ushort)r.SignatureAlgorithm,
        PublicKeyEncoding = (ushort)r.PublicKeyEncoding,
        SignCounter = r.SignCounter,
        RegCounter = r.RegCounter,
        AuthenticatorVersion = r.AuthenticatorVersion,
        AttestationType = (ushort)r.AttestationType,
        AttestationCertificateSha256 = r.AttestationCertificateSha256,
        TcDisplayPngCharacteristics = r.TcDisplayPngCharacteristics is { Count: > 0 } png
            ? JsonSerializer.Serialize(png.ToArray(), UafServerJsonContext.Default.DisplayPngCharacteristicsDescriptorArray)
            : null,
        Status = RowStatus.Active,
        CreatedAt = now,
    };

    /// <summary>
    /// One transaction, one commit (one disk flush on SQLite): the challenge consume (inside the verifier), the counter
    /// compare-and-set and the audit event, or on any rejection the consume and the rejection's audit event. The
    /// consume is a conditional update inside this transaction: SQLite's write lock (BEGIN IMMEDIATE) or PostgreSQL's
    /// row lock makes a second answer wait and then find it consumed, so the first answer still wins (SECURITY.md D1).
    /// </summary>
    async Task<ServerResponse> AuthenticateAsync(string uafResponse, CancellationToken ct)
    {
        using var writer = await writeGate.EnterAsync(db, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var verification = await AuthenticationVerifier.VerifyAsync(uafResponse, settings.ForAuthentication(metadata, ledger, lookup, keyCache, time), ct);
        if (verification.CounterRegressions.Count > 0)
        {
            await MarkSuspectAsync(verification.CounterRegressions, ct);
        }

        var confirmationId = ledger.ConsumedPayload?.ConfirmationId;
        if (!verification.Succeeded)
        {
            var failure = verification.Failure!;
            if (confirmationId is not null && failure is { Status: UafStatusCode.UnknownKeyId, StepId: UafSteps.Auth12 })
            {
                // A key of another user answered this user's confirmation.
                failure = new UafFailure(UafStatusCode.Unauthorized, UafSteps.Auth12, "this confirmation belongs to another user");
            }

            return await RejectAndCommitAsync(transaction, "uaf.auth.rejected", failure, ledger.Consumed?.UserId, ct);
        }

        var outcome = verification.Value;
        var userId = Guid.Parse(outcome.UserId);
        var now = time.GetUtcNow();
        var confirmed = outcome.Assertions.FirstOrDefault(a => a.TransactionContentHash is not null);
        // UAF-AUTH-20: compare-and-set; losing means another answer with this counter committed first (a replay).
        // Losing keeps the consume: back to the savepoint (undoing an earlier assertion's advance), then the rejection.
        await transaction.CreateSavepointAsync(CounterSavepoint, ct);
        foreach (var assertion in outcome.Assertions)
        {
            if (!await db.UafRegistrations.TryAdvanceSignCounterAsync(lookup.IdOf(assertion.Aaid, assertion.KeyId), assertion.SignCounter, now, ct))
            {
                await transaction.RollbackToSavepointAsync(CounterSavepoint, ct);
                return await RejectAndCommitAsync(transaction, "uaf.auth.rejected", new UafFailure(UafStatusCode.UnacceptableContent, UafSteps.Auth20,
                    "the sign counter was already used (replay) or the registration changed"), userId, ct);
            }
        }

        ConfirmationReceipt? receipt = null;
        if (confirmationId is not null && confirmed is not null)
        {
            // The core checked mode 0x02 and that the content hash is that of a form we sent; the confirmation checks
            // that form is its text (or the rendering of it) and moves Pending -> Confirmed, all in this transaction.
            var completed = await confirmations.CompleteAsync(confirmationId, userId, ConfirmationMethod.Uaf,
                UafSettings.NormalizeAaid(confirmed.Aaid), SHA256.HashData(confirmed.TransactionContent!), confirmed.Assertion, db,
                DisplayedPng(confirmed), ct);
            if (!completed.Succeeded)
            {
                // Nothing confirmed and no counter advanced; the consume stays and the rejection is audited.
                await transaction.RollbackToSavepointAsync(CounterSavepoint, ct);
                db.ChangeTracker.Clear();
                var reason = completed.Failure.Reason;
                return await RejectAndCommitAsync(transaction, "uaf.auth.rejected", new UafFailure(UafConfirmationStatus.ForResponse(reason),
                    UafSteps.Auth20, UafConfirmationStatus.Describe(reason)), userId, ct);
            }

            receipt = completed.Value;
        }

        await audit.AppendAsync(db, SuccessEntry(outcome, userId, confirmationId), ct);
        await transaction.CommitAsync(ct);
        writer.Dispose();
        return Accepted(tokens, metadata, outcome, receipt);
    }

    /// <summary>The audit event of an accepted authentication or transaction.</summary>
    internal static AuditEntry SuccessEntry(AuthenticationOutcome outcome, Guid userId, string? confirmationId)
    {
        var detail = AuthDetail(outcome);
        detail["confirmationId"] = confirmationId;
        var confirmed = outcome.Assertions.Any(a => a.TransactionContentHash is not null);
        return new AuditEntry(confirmed ? "uaf.tc.ok" : "uaf.auth.ok", userId, outcome.Username, UafSteps.Auth20, (int)UafStatusCode.Ok, detail);
    }

    /// <summary>1200 with the access token (acr/amr from the authenticators' metadata) and, for a confirmation, its receipt.</summary>
    internal static ServerResponse Accepted(AccessTokenIssuer tokens, IMetadataStore metadata, AuthenticationOutcome outcome,
        ConfirmationReceipt? receipt)
    {
        var statements = outcome.Assertions.Select(a => metadata.Find(a.Aaid)?.Statement).OfType<MetadataStatement>().ToList();
        var token = tokens.Issue(new AccessTokenRequest(outcome.UserId, AuthenticationLevels.AmrForUaf(statements),
            AuthenticationLevels.ForUaf(statements), ConfirmationId: receipt?.ConfirmationId));
        return new ServerResponse((int)UafStatusCode.Ok, AdditionalTokens: receipt is null
            ? [new UafToken(UafTokenTypes.OAuth2, token)]
            : [new UafToken(UafTokenTypes.OAuth2, token), new UafToken(UafTokenTypes.Jwt, receipt.Receipt)]);
    }

    /// <summary>The PNG display the confirmed form was rendered for; null when the text itself was confirmed.</summary>
    DisplayPngCharacteristicsDescriptor? DisplayedPng(VerifiedSignAssertion confirmed) =>
        confirmed.TransactionContentType == Transaction.ImagePng
            ? ledger.ConsumedPayload?.Transactions?.FirstOrDefault(t => t.Content.AsSpan().SequenceEqual(confirmed.TransactionContent))?.Png
            : null;

    const string CounterSavepoint = "uaf_counter";

    async Task<ServerResponse> RejectAndCommitAsync(Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction, string type,
        UafFailure failure, Guid? userId, CancellationToken ct)
    {
        var response = await RejectAsync(type, failure, userId, ct);
        await transaction.CommitAsync(ct);
        return response;
    }

    /// <summary>What the audit keeps of an authentication: the keys and counters, and for a transaction the signed
    /// assertion, the fcParams it signs over and the confirmed content hash (evidence that re-verifies offline).</summary>
    static Dictionary<string, string?> AuthDetail(AuthenticationOutcome outcome)
    {
        var detail = new Dictionary<string, string?>
        {
            ["keys"] = string.Join(",", outcome.Assertions.Select(a => $"{a.Aaid}/{a.KeyId}")),
            ["counters"] = string.Join(",", outcome.Assertions.Select(a => a.SignCounter.ToString(CultureInfo.InvariantCulture))),
        };
        if (outcome.Assertions.FirstOrDefault(a => a.TransactionContentHash is not null) is { } confirmed)
        {
            detail["transactionContentType"] = confirmed.TransactionContentType;
            detail["transactionContentHash"] = StrictBase64Url.Encode(confirmed.TransactionContentHash!);
            detail["assertion"] = StrictBase64Url.Encode(confirmed.Assertion);
            detail["fcParams"] = outcome.FcParams;
        }

        return detail;
    }

    /// <summary>UAF-AUTH-19: a counter that did not grow marks the registration Suspect (kept, never lowered), audited.</summary>
    async Task MarkSuspectAsync(IReadOnlyList<CounterRegression> regressions, CancellationToken ct)
    {
        var own = db.Database.CurrentTransaction is null;
        await using var transaction = own ? await db.Database.BeginTransactionAsync(ct) : null;
        foreach (var regression in regressions)
        {
            var id = lookup.IdOf(regression.Aaid, regression.KeyId);
            await db.UafRegistrations.Where(r => r.Id == id && r.Status == RowStatus.Active)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, RowStatus.Suspect), ct);
            await audit.AppendAsync(db, SuspectEntry(regression, id), ct);
        }

        if (transaction is not null)
        {
            await transaction.CommitAsync(ct);
        }

        UafLog.CounterRegression(logger, UafSteps.Auth19);
    }

    /// <summary>UAF-AUTH-19's audit event: the registration marked Suspect, with both counters.</summary>
    internal static AuditEntry SuspectEntry(CounterRegression regression, Guid registrationId) =>
        new("uaf.registration.suspect", Guid.Parse(regression.UserId), registrationId.ToString("D"),
            UafSteps.Auth19, (int)UafStatusCode.UnacceptableContent, new Dictionary<string, string?>
            {
                ["aaid"] = regression.Aaid,
                ["storedCounter"] = regression.StoredCounter.ToString(CultureInfo.InvariantCulture),
                ["receivedCounter"] = regression.ReceivedCounter.ToString(CultureInfo.InvariantCulture),
            });

    async Task<ServerResponse> RejectAsync(string type, UafFailure failure, Guid? userId, CancellationToken ct)
    {
        UafLog.ResponseRejected(logger, type, failure.StepId, failure.Status);
        await audit.AppendAsync(db, RejectionEntry(type, failure, userId), ct);
        return Rejection(failure, settings.StatusProfile);
    }

    internal static AuditEntry RejectionEntry(string type, UafFailure failure, Guid? userId) =>
        new(type, userId, StepId: failure.StepId, StatusCode: (int)failure.Status,
            Detail: new Dictionary<string, string?> { ["reason"] = failure.Detail });

    /// <summary>The refusal as the configured status profile puts it on the wire, with plain words for the client.</summary>
    internal static ServerResponse Rejection(UafFailure failure, UafStatusProfile profile) =>
        new(UafStatusProfiles.ToWire(failure, profile), Describe(failure));

    /// <summary>Plain words for the client: the step and what it checks, without values from the message.</summary>
    static string Describe(UafFailure failure) => $"{failure.StepId}: {failure.Status} ({failure.Detail})";
}
