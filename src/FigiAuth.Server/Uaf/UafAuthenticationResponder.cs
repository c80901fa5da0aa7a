using FigiAuth.Server.Data;
using FigiAuth.Server.HotPath;
using FigiAuth.Server.Tokens;
using FigiAuth.Uaf;
using FigiAuth.Uaf.Authentication;
using FigiAuth.Uaf.Messages;
using FigiAuth.Uaf.Metadata;
using FigiAuth.Uaf.Verification;

namespace FigiAuth.Server.Uaf;

/// <summary>
/// POST /uaf/v1/respond for an authentication (UAF.md §8.3) on the hot path. The answer is verified first, without a
/// transaction or lock (the challenge and the registration are read, not locked); then one work item of the group
/// commit makes every decision that needs the database, in this order, inside one transaction:
/// consume the challenge (the first answer wins, success or not: SECURITY.md D1; losing it is UAF-AUTH-05's 1491),
/// mark registrations whose counter went back Suspect (UAF-AUTH-19), and for a verified answer advance each counter by
/// compare-and-set (UAF-AUTH-20; losing it undoes the others) — with the audit event of the outcome in the same
/// transaction (D5). The token is issued after that commit. Transactions of a confirmation go to
/// <see cref="UafResponseProcessor"/>, which completes the confirmation in the same transaction.
/// </summary>
internal sealed class UafAuthenticationResponder(HotPathDatabase hot, IMetadataStore metadata, UafSettings settings,
    UafPublicKeyCache keyCache, AccessTokenIssuer tokens, TimeProvider time, ILogger<UafAuthenticationResponder> logger)
{
    /// <summary>The answer, or null when the challenge is a confirmation's transaction (answer it with the processor).</summary>
    public async Task<ServerResponse?> TryRespondAsync(string uafResponse, CancellationToken ct)
    {
        var ledger = new PeekingCeremonyLedger(hot.Reader, time);
        var lookup = new HotRegistrationLookup(hot.Reader, settings.AppId);
        var verification = await AuthenticationVerifier.VerifyAsync(uafResponse, settings.ForAuthentication(metadata, ledger, lookup, keyCache, time), ct);
        var challenge = ledger.Peeked;
        if (challenge?.Purpose == CeremonyPurpose.UafTransaction)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var decision = await hot.Writer.WriteAsync(batch => Decide(batch, challenge, verification, lookup, now));
        Remember(verification, decision, lookup);
        if (verification.CounterRegressions.Count > 0 && challenge is not null)
        {
            UafLog.CounterRegression(logger, UafSteps.Auth19);
        }

        if (decision is { } failure)
        {
            UafLog.ResponseRejected(logger, "uaf.auth.rejected", failure.StepId, failure.Status);
            return UafResponseProcessor.Rejection(failure, settings.StatusProfile);
        }

        return UafResponseProcessor.Accepted(tokens, metadata, verification.Value, receipt: null);
    }

    /// <summary>
    /// After the commit, keeps the hot path's copies of the registrations in step with it: counters advanced, and rows that
    /// changed otherwise (marked Suspect, or a lost compare-and-set: another answer, node or revocation got there first) forgotten.
    /// </summary>
    void Remember(AuthenticationVerification verification, UafFailure? decision, HotRegistrationLookup lookup)
    {
        foreach (var regression in verification.CounterRegressions)
        {
            hot.Cache.ForgetRegistration(lookup.CacheKey(regression.Aaid, regression.KeyId));
        }

        if (!verification.Succeeded)
        {
            return;
        }

        foreach (var a in verification.Value.Assertions)
        {
            if (decision is null)
            {
                hot.Cache.CounterAdvanced(lookup.CacheKey(a.Aaid, a.KeyId), a.SignCounter);
            }
            else
            {
                hot.Cache.ForgetRegistration(lookup.CacheKey(a.Aaid, a.KeyId));
            }
        }
    }

    /// <summary>Runs in the group commit; returns the failure that refuses the answer, or null when it is accepted.</summary>
    static UafFailure? Decide(WriteBatch batch, PeekedChallenge? challenge, AuthenticationVerification verification,
        HotRegistrationLookup lookup, DateTimeOffset now)
    {
        if (challenge is null)
        {
            // Refused before any challenge was found (unreadable, or the challenge unknown, used or expired): nothing to consume.
            return Refuse(batch, verification.Failure!, null, now);
        }

        if (!batch.TryConsumeChallenge(challenge.Challenge, challenge.Purpose, now))
        {
            return Refuse(batch, new UafFailure(UafStatusCode.RequestInvalid, UafSteps.Auth05, "challenge is unknown or already used"),
                challenge.UserId, now);
        }

        foreach (var regression in verification.CounterRegressions)
        {
            var id = lookup.IdOf(regression.Aaid, regression.KeyId);
            batch.MarkSuspect(id);
            batch.Audit(UafResponseProcessor.SuspectEntry(regression, id), now);
        }

        if (!verification.Succeeded)
        {
            return Refuse(batch, verification.Failure!, challenge.UserId, now);
        }

        var outcome = verification.Value;
        var userId = Guid.Parse(outcome.UserId);
        // Losing one compare-and-set undoes the others.
        if (!batch.TryAll(outcome.Assertions, a => batch.TryAdvanceSignCounter(lookup.IdOf(a.Aaid, a.KeyId), a.SignCounter, now)))
        {
            return Refuse(batch, new UafFailure(UafStatusCode.UnacceptableContent, UafSteps.Auth20,
                "the sign counter was already used (replay) or the registration changed"), userId, now);
        }

        batch.Audit(UafResponseProcessor.SuccessEntry(outcome, userId, confirmationId: null), now);
        return null;
    }

    static UafFailure Refuse(WriteBatch batch, UafFailure failure, Guid? userId, DateTimeOffset now)
    {
        batch.Audit(UafResponseProcessor.RejectionEntry("uaf.auth.rejected", failure, userId), now);
        return failure;
    }
}
