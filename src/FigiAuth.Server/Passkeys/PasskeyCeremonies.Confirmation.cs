using System.Buffers.Text;
using System.Text.Json;
using Fido2NetLib;
using Fido2NetLib.Objects;
using FigiAuth.Server.Audit;
using FigiAuth.Server.Confirmations;
using FigiAuth.Server.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace FigiAuth.Server.Passkeys;

/// <summary>
/// Transaction confirmation with a passkey (DESIGN.md "Transaction confirmation" 3, dynamic linking; SECURITY.md §4.4):
/// the WebAuthn challenge is <see cref="ConfirmationService.ChallengeForPasskeyAsync"/>'s SHA-256(display hash ‖ nonce),
/// kept server-side with the options sent and the browser they were sent to. The answer is checked for that binding
/// first, then exactly as a sign-in assertion, and the counter advance, the confirmation and the audit event commit together.
/// Only the signed-in user (Identity cookie) may ask, for their own pending confirmation.
/// </summary>
public sealed partial class PasskeyCeremonies
{
    const string ConfirmationFailed = "passkey.confirmation.failed";

    /// <summary>Assertion options for confirming <paramref name="id"/>: the bound challenge, the user's passkeys, UV as configured.</summary>
    public async Task<IResult> ConfirmationOptionsAsync(HttpContext context, string id, ConfirmationService confirmations, CancellationToken ct)
    {
        if (await SignedInUserAsync(context) is not { } user)
        {
            return Rejected();
        }

        var allowed = await db.Set<PasskeyCredential>().AsNoTracking()
            .Where(c => c.UserId == user.Id && c.Status == PasskeyCredentialStatus.Active)
            .Select(c => new PublicKeyCredentialDescriptor(c.CredentialId)).ToListAsync(ct);
        if (allowed.Count == 0)
        {
            return await RejectAsync(ConfirmationFailed, "the user has no passkey", user.Id, id, ct);
        }

        string? optionsJson = null;
        var challenge = await confirmations.ChallengeForPasskeyAsync(id, user.Id, ct, bytes =>
        {
            var assertion = fido2.GetAssertionOptions(new GetAssertionOptionsParams
            {
                AllowedCredentials = allowed,
                UserVerification = Options.UserVerification,
            });
            assertion.Challenge = bytes;
            optionsJson = assertion.ToJson();
            return JsonSerializer.Serialize(new PasskeyCeremonyState(optionsJson, PasskeySessionBinding.Issue(context), user.Id,
                user.UserName, NewUser: false, CredentialName: null));
        });
        if (!challenge.Succeeded)
        {
            return challenge.Failure.Reason == ConfirmationFailureReason.NotFound
                ? Results.NotFound()
                : Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "The confirmation is no longer pending");
        }

        return Results.Content(optionsJson!, "application/json");
    }

    /// <summary>Checks the challenge is this confirmation's, verifies the assertion, then confirms: one transaction.</summary>
    public async Task<IResult> ConfirmationCompleteAsync(HttpContext context, string id, AuthenticatorAssertionRawResponse response,
        ConfirmationService confirmations, CancellationToken ct)
    {
        if (!IsWellFormed(response))
        {
            return PasskeyRequestReader.Malformed();
        }

        if (await SignedInUserAsync(context) is not { } user)
        {
            return Rejected();
        }

        var (value, failure) = ChallengeOf(response.Response.ClientDataJson);
        byte[]? challenge = null;
        if (value is not null && !Base64Url.IsValid(value))
        {
            failure = "challenge is not base64url";
        }
        else if (value is not null)
        {
            challenge = Base64Url.DecodeFromChars(value);
        }

        // First the binding (consumes the challenge, success or not): made for this confirmation, user and display text.
        var binding = challenge is null ? default : await confirmations.VerifyPasskeyChallengeAsync(id, user.Id, challenge, ct);
        if (challenge is null || !binding.Succeeded)
        {
            return await RejectAsync(ConfirmationFailed, failure ?? binding.Failure!.Detail, user.Id, id, ct);
        }

        var state = binding.Value.CeremonyState is { } json ? JsonSerializer.Deserialize<PasskeyCeremonyState>(json) : null;
        if (state is null || !PasskeySessionBinding.Matches(context, state.SessionBinding))
        {
            return await RejectAsync(ConfirmationFailed, "challenge answered from another browser session", user.Id, id, ct);
        }

        var (credential, result, rejection) = await VerifyAssertionAsync(response, state, ConfirmationFailed, ct);
        if (rejection is not null)
        {
            return rejection;
        }

        if (credential!.UserId != user.Id)
        {
            return await RejectAsync(ConfirmationFailed, "the passkey belongs to another user", user.Id, id, ct);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (!await AdvanceCounterAsync(credential, result!, ct))
        {
            await transaction.RollbackAsync(ct);
            return await RejectAsync(ConfirmationFailed, "credential changed concurrently", user.Id, id, ct);
        }

        // Kept for disputes: what the authenticator signed (authenticatorData, clientDataJSON with the bound challenge) and the signature.
        var evidence = JsonSerializer.SerializeToUtf8Bytes(response, JsonSerializerOptions.Web);
        var completed = await confirmations.CompleteAsync(id, user.Id, ConfirmationMethod.Passkey, credential.Aaguid.ToString("D"),
            binding.Value.DisplayTextHash, evidence, db, cancellationToken: ct);
        if (!completed.Succeeded)
        {
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return await RejectAsync(ConfirmationFailed, completed.Failure.Detail, user.Id, id, ct);
        }

        var detail = AssertionDetail(credential, result!);
        detail["confirmationId"] = id;
        await audit.AppendAsync(db, new AuditEntry("passkey.confirmation.succeeded", user.Id, user.UserName, Detail: detail), ct);
        await transaction.CommitAsync(ct);
        return Results.Ok(new PasskeyConfirmationResult("confirmed", id, completed.Value.Receipt));
    }

    async Task<FigiAuthUser?> SignedInUserAsync(HttpContext context)
    {
        var session = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        return session.Succeeded ? await users.GetUserAsync(session.Principal) : null;
    }
}

/// <summary>The body of a successful confirmation answer: the receipt as the requesting back end will read it.</summary>
public sealed record PasskeyConfirmationResult(string Status, string ConfirmationId, string Receipt);
