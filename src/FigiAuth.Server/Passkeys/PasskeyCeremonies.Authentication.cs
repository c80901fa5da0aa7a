using Fido2NetLib;
using Fido2NetLib.Objects;
using FigiAuth.Server.Audit;
using FigiAuth.Server.Data;
using Microsoft.EntityFrameworkCore;

namespace FigiAuth.Server.Passkeys;

public sealed partial class PasskeyCeremonies
{
    const string AuthenticationFailed = "passkey.authentication.failed";

    /// <summary>Assertion options: with a username its passkeys (or a stable fake one when it has none), without one an
    /// empty allow list for discoverable credentials.</summary>
    public async Task<IResult> LoginOptionsAsync(HttpContext context, PasskeyLoginRequest request, CancellationToken ct)
    {
        var username = request.Username?.Trim();
        if (username is { Length: > 64 })
        {
            return PasskeyRequestReader.Malformed();
        }

        List<PublicKeyCredentialDescriptor> allowed = [];
        FigiAuthUser? user = null;
        if (!string.IsNullOrEmpty(username))
        {
            user = await users.FindByNameAsync(username);
            if (user is not null)
            {
                allowed = await db.Set<PasskeyCredential>().AsNoTracking()
                    .Where(c => c.UserId == user.Id && c.Status == PasskeyCredentialStatus.Active)
                    .Select(c => new PublicKeyCredentialDescriptor(c.CredentialId)).ToListAsync(ct);
            }

            if (allowed.Count == 0)
            {
                allowed = [new PublicKeyCredentialDescriptor(mask.FakeCredentialId(username))];
            }
        }

        var challenge = await SaveChallengeAsync(CeremonyPurpose.PasskeyAuthentication, user?.Id, username, bytes =>
        {
            var assertion = fido2.GetAssertionOptions(new GetAssertionOptionsParams
            {
                AllowedCredentials = allowed,
                UserVerification = Options.UserVerification,
            });
            assertion.Challenge = bytes;
            return assertion.ToJson();
        }, context, newUser: false, name: null, ct);
        return Results.Content(StateOf(challenge).OptionsJson, "application/json");
    }

    /// <summary>Verifies the assertion against the stored options and credential, advances the counter and signs in.</summary>
    public async Task<IResult> LoginCompleteAsync(HttpContext context, AuthenticatorAssertionRawResponse response, CancellationToken ct)
    {
        if (!IsWellFormed(response))
        {
            return PasskeyRequestReader.Malformed();
        }

        var (challenge, state, failure) = await ConsumeAsync(response.Response.ClientDataJson, CeremonyPurpose.PasskeyAuthentication, context, ct);
        if (state is null)
        {
            return await RejectAsync(AuthenticationFailed, failure!, challenge?.UserId, challenge?.Username, ct);
        }

        var (credential, result, rejection) = await VerifyAssertionAsync(response, state, AuthenticationFailed, ct);
        if (rejection is not null)
        {
            return rejection;
        }

        var user = await users.FindByIdAsync(credential!.UserId.ToString());
        if (user is null || !await signIn.CanSignInAsync(user) || await users.IsLockedOutAsync(user))
        {
            return await RejectAsync(AuthenticationFailed, "user cannot sign in", credential.UserId, Id(credential.CredentialId), ct);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (!await AdvanceCounterAsync(credential, result!, ct))
        {
            await transaction.RollbackAsync(ct);
            return await RejectAsync(AuthenticationFailed, "credential changed concurrently", credential.UserId, Id(credential.CredentialId), ct);
        }

        await audit.AppendAsync(db, new AuditEntry("passkey.authentication.succeeded", user.Id, user.UserName, Detail: AssertionDetail(credential, result!)), ct);
        await transaction.CommitAsync(ct);

        await SignInAsync(user, credential, (Flags(response.Response.AuthenticatorData) & UserVerifiedFlag) != 0);
        return Results.Ok(new PasskeyResult("ok", user.UserName!, Id(credential.CredentialId)));
    }

    static bool IsWellFormed(AuthenticatorAssertionRawResponse response) =>
        response.Response?.ClientDataJson is { Length: > 0 } && response.Response.AuthenticatorData is { Length: >= 37 }
        && response.Response.Signature is { Length: > 0 } && response.RawId is { Length: > 0 and <= 1023 };

    /// <summary>
    /// Every passkey assertion (sign-in and transaction confirmation) passes these checks: the credential exists, is active
    /// and was allowed by the stored options; backup eligibility did not change; Fido2 verifies the assertion against the
    /// stored options (challenge, origin, RP ID, UV) and public key; a non-zero counter strictly grows. A failure is audited
    /// as <paramref name="failedType"/> and answered with the one generic 401.
    /// </summary>
    async Task<(PasskeyCredential? Credential, VerifyAssertionResult? Result, IResult? Rejection)> VerifyAssertionAsync(
        AuthenticatorAssertionRawResponse response, PasskeyCeremonyState state, string failedType, CancellationToken ct)
    {
        var credential = await db.Set<PasskeyCredential>().AsNoTracking().SingleOrDefaultAsync(c => c.CredentialId == response.RawId, ct);
        var original = AssertionOptions.FromJson(state.OptionsJson);
        if (credential is null)
        {
            return (null, null, await RejectAsync(failedType, "unknown credential", state.UserId, state.Username, ct));
        }

        if (credential.Status != PasskeyCredentialStatus.Active)
        {
            return (null, null, await RejectAsync(failedType, "credential revoked", credential.UserId, Id(credential.CredentialId), ct));
        }

        if (original.AllowCredentials is { Count: > 0 } allow && !allow.Any(d => d.Id.AsSpan().SequenceEqual(credential.CredentialId)))
        {
            return (null, null, await RejectAsync(failedType, "credential not in allowCredentials", credential.UserId, Id(credential.CredentialId), ct));
        }

        var flags = Flags(response.Response.AuthenticatorData);
        if (((flags & BackupEligibleFlag) != 0) != credential.IsBackupEligible)
        {
            return (null, null, await RejectAsync(failedType, "backup eligibility differs from registration", credential.UserId,
                Id(credential.CredentialId), ct));
        }

        VerifyAssertionResult result;
        try
        {
            result = await fido2.MakeAssertionAsync(new MakeAssertionParams
            {
                AssertionResponse = response,
                OriginalOptions = original,
                StoredPublicKey = credential.PublicKey,
                StoredSignatureCounter = (uint)credential.SignCount,
                IsUserHandleOwnerOfCredentialIdCallback = (p, _) =>
                    Task.FromResult(p.UserHandle is { Length: 16 } handle && new Guid(handle) == credential.UserId),
            }, ct);
        }
        catch (Fido2VerificationException e)
        {
            return (null, null, await RejectAsync(failedType, $"{e.Code}: {e.Message}", credential.UserId, Id(credential.CredentialId), ct));
        }

        // Fido2 lets a counter fall back to 0; a non-zero stored counter must strictly increase (WA-15).
        if (credential.SignCount != 0 && result.SignCount <= credential.SignCount)
        {
            return (null, null, await RejectAsync(failedType, $"sign counter regression {credential.SignCount} -> {result.SignCount}",
                credential.UserId, Id(credential.CredentialId), ct));
        }

        return (credential, result, null);
    }

    /// <summary>Compare-and-set of the counter in the caller's transaction; false when another answer changed the credential first.</summary>
    async Task<bool> AdvanceCounterAsync(PasskeyCredential credential, VerifyAssertionResult result, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        return await db.Set<PasskeyCredential>()
            .Where(c => c.Id == credential.Id && c.SignCount == credential.SignCount && c.Status == PasskeyCredentialStatus.Active)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.SignCount, (long)result.SignCount)
                .SetProperty(c => c.LastUsedAt, now)
                .SetProperty(c => c.IsBackedUp, result.IsBackedUp), ct) == 1;
    }

    static Dictionary<string, string?> AssertionDetail(PasskeyCredential credential, VerifyAssertionResult result) => new()
    {
        ["credentialId"] = Id(credential.CredentialId),
        ["signCount"] = result.SignCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["backedUp"] = result.IsBackedUp.ToString(),
    };
}
