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
        if (response.Response?.ClientDataJson is not { Length: > 0 } clientData || response.Response.AuthenticatorData is not { Length: >= 37 }
            || response.Response.Signature is not { Length: > 0 } || response.RawId is not { Length: > 0 and <= 1023 })
        {
            return PasskeyRequestReader.Malformed();
        }

        var (challenge, state, failure) = await ConsumeAsync(clientData, CeremonyPurpose.PasskeyAuthentication, context, ct);
        if (state is null)
        {
            return await RejectAsync(AuthenticationFailed, failure!, challenge?.UserId, challenge?.Username, ct);
        }

        var credential = await db.Set<PasskeyCredential>().AsNoTracking().SingleOrDefaultAsync(c => c.CredentialId == response.RawId, ct);
        var original = AssertionOptions.FromJson(state.OptionsJson);
        if (credential is null)
        {
            return await RejectAsync(AuthenticationFailed, "unknown credential", state.UserId, state.Username, ct);
        }

        if (credential.Status != PasskeyCredentialStatus.Active)
        {
            return await RejectAsync(AuthenticationFailed, "credential revoked", credential.UserId, Id(credential.CredentialId), ct);
        }

        if (original.AllowCredentials is { Count: > 0 } allow && !allow.Any(d => d.Id.AsSpan().SequenceEqual(credential.CredentialId)))
        {
            return await RejectAsync(AuthenticationFailed, "credential not in allowCredentials", credential.UserId, Id(credential.CredentialId), ct);
        }

        var flags = Flags(response.Response.AuthenticatorData);
        if (((flags & BackupEligibleFlag) != 0) != credential.IsBackupEligible)
        {
            return await RejectAsync(AuthenticationFailed, "backup eligibility differs from registration", credential.UserId,
                Id(credential.CredentialId), ct);
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
            return await RejectAsync(AuthenticationFailed, $"{e.Code}: {e.Message}", credential.UserId, Id(credential.CredentialId), ct);
        }

        // Fido2 lets a counter fall back to 0; a non-zero stored counter must strictly increase (WA-15).
        if (credential.SignCount != 0 && result.SignCount <= credential.SignCount)
        {
            return await RejectAsync(AuthenticationFailed, $"sign counter regression {credential.SignCount} -> {result.SignCount}",
                credential.UserId, Id(credential.CredentialId), ct);
        }

        var user = await users.FindByIdAsync(credential.UserId.ToString());
        if (user is null || !await signIn.CanSignInAsync(user) || await users.IsLockedOutAsync(user))
        {
            return await RejectAsync(AuthenticationFailed, "user cannot sign in", credential.UserId, Id(credential.CredentialId), ct);
        }

        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var updated = await db.Set<PasskeyCredential>()
            .Where(c => c.Id == credential.Id && c.SignCount == credential.SignCount && c.Status == PasskeyCredentialStatus.Active)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.SignCount, (long)result.SignCount)
                .SetProperty(c => c.LastUsedAt, now)
                .SetProperty(c => c.IsBackedUp, result.IsBackedUp), ct);
        if (updated != 1)
        {
            await transaction.RollbackAsync(ct);
            return await RejectAsync(AuthenticationFailed, "credential changed concurrently", credential.UserId, Id(credential.CredentialId), ct);
        }

        await audit.AppendAsync(db, new AuditEntry("passkey.authentication.succeeded", user.Id, user.UserName, Detail: new Dictionary<string, string?>
        {
            ["credentialId"] = Id(credential.CredentialId),
            ["signCount"] = result.SignCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["backedUp"] = result.IsBackedUp.ToString(),
        }), ct);
        await transaction.CommitAsync(ct);

        await SignInAsync(user, credential, (flags & UserVerifiedFlag) != 0);
        return Results.Ok(new PasskeyResult("ok", user.UserName!, Id(credential.CredentialId)));
    }
}
