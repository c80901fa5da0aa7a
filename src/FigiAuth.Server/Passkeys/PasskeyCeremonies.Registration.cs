using System.Text;
using Fido2NetLib;
using Fido2NetLib.Objects;
using FigiAuth.Server.Audit;
using FigiAuth.Server.Data;
using Microsoft.EntityFrameworkCore;

namespace FigiAuth.Server.Passkeys;

public sealed partial class PasskeyCeremonies
{
    const string RegistrationFailed = "passkey.registration.failed";

    /// <summary>Options for a new passkey: for the signed-in user, or for sign-up with a new username.</summary>
    public async Task<IResult> RegisterOptionsAsync(HttpContext context, PasskeyRegistrationRequest request, CancellationToken ct)
    {
        var current = await users.GetUserAsync(context.User);
        Guid userId;
        string username;
        var newUser = false;
        if (current is not null)
        {
            userId = current.Id;
            username = current.UserName!;
        }
        else
        {
            username = request.Username?.Trim() ?? "";
            if (username.Length is 0 or > 64)
            {
                return PasskeyRequestReader.Malformed();
            }

            if (await users.FindByNameAsync(username) is not null)
            {
                return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "This username is taken.");
            }

            userId = Guid.CreateVersion7(time.GetUtcNow());
            newUser = true;
        }

        var exclude = await db.Set<PasskeyCredential>().AsNoTracking()
            .Where(c => c.UserId == userId && c.Status == PasskeyCredentialStatus.Active)
            .Select(c => c.CredentialId).ToListAsync(ct);
        var name = string.IsNullOrWhiteSpace(request.Name) ? null : request.Name.Trim()[..Math.Min(request.Name.Trim().Length, 128)];
        var challenge = await SaveChallengeAsync(CeremonyPurpose.PasskeyRegistration, userId, username, bytes =>
        {
            var created = fido2.RequestNewCredential(new RequestNewCredentialParams
            {
                User = new Fido2User { Id = userId.ToByteArray(), Name = username, DisplayName = username },
                ExcludeCredentials = [.. exclude.Select(id => new PublicKeyCredentialDescriptor(id))],
                AuthenticatorSelection = new AuthenticatorSelection
                {
                    ResidentKey = ResidentKeyRequirement.Required,
                    UserVerification = Options.UserVerification,
                },
                AttestationPreference = Options.RequireAttestation ? AttestationConveyancePreference.Direct : AttestationConveyancePreference.None,
                PubKeyCredParams = [PubKeyCredParam.ES256, PubKeyCredParam.RS256, PubKeyCredParam.Ed25519],
            });
            created.Challenge = bytes;
            return created.ToJson();
        }, context, newUser, name, ct);
        return Results.Content(CredentialCreateOptions.FromJson(StateOf(challenge).OptionsJson).ToJson(), "application/json");
    }

    /// <summary>Verifies the attestation against the stored options and stores the credential (and, at sign-up, the user).</summary>
    public async Task<IResult> RegisterCompleteAsync(HttpContext context, AuthenticatorAttestationRawResponse response, CancellationToken ct)
    {
        if (response.Response?.ClientDataJson is not { Length: > 0 } clientData || response.Response.AttestationObject is not { Length: > 0 }
            || response.RawId is not { Length: > 0 and <= 1023 })
        {
            return PasskeyRequestReader.Malformed();
        }

        var (challenge, state, failure) = await ConsumeAsync(clientData, CeremonyPurpose.PasskeyRegistration, context, ct);
        if (state is null)
        {
            return await RejectAsync(RegistrationFailed, failure!, challenge?.UserId, challenge?.Username, ct);
        }

        var current = await users.GetUserAsync(context.User);
        if (!state.NewUser && current?.Id != state.UserId)
        {
            return await RejectAsync(RegistrationFailed, "options were issued to another user", state.UserId, state.Username, ct);
        }

        RegisteredPublicKeyCredential created;
        try
        {
            created = await fido2.MakeNewCredentialAsync(new MakeNewCredentialParams
            {
                AttestationResponse = response,
                OriginalOptions = CredentialCreateOptions.FromJson(state.OptionsJson),
                IsCredentialIdUniqueToUserCallback = async (p, token) =>
                    !await db.Set<PasskeyCredential>().AnyAsync(c => c.CredentialId == p.CredentialId, token),
            }, ct);
        }
        catch (Fido2VerificationException e)
        {
            return await RejectAsync(RegistrationFailed, $"{e.Code}: {e.Message}", state.UserId, state.Username, ct);
        }

        if (PolicyFailure(created, response) is { } policy)
        {
            return await RejectAsync(RegistrationFailed, policy, state.UserId, state.Username, ct);
        }

        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var user = current;
        if (state.NewUser)
        {
            user = new FigiAuthUser { Id = state.UserId!.Value, UserName = state.Username };
            if (!(await users.CreateAsync(user)).Succeeded)
            {
                await transaction.RollbackAsync(ct);
                return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "This username is taken.");
            }
        }

        var credential = new PasskeyCredential
        {
            Id = Guid.CreateVersion7(now),
            UserId = user!.Id,
            CredentialId = created.Id,
            PublicKey = created.PublicKey,
            SignCount = created.SignCount,
            Aaguid = created.AaGuid,
            Transports = created.Transports is { Length: > 0 } t ? string.Join(',', t.Select(x => x.ToString().ToLowerInvariant())) : null,
            IsBackupEligible = created.IsBackupEligible,
            IsBackedUp = created.IsBackedUp,
            AttestationFormat = created.AttestationFormat,
            Name = state.CredentialName ?? "Passkey",
            CreatedAt = now,
            Status = PasskeyCredentialStatus.Active,
        };
        db.Add(credential);
        await audit.AppendAsync(db, new AuditEntry("passkey.registration.succeeded", user.Id, user.UserName, Detail: new Dictionary<string, string?>
        {
            ["credentialId"] = Id(created.Id),
            ["aaguid"] = created.AaGuid.ToString(),
            ["fmt"] = created.AttestationFormat,
            ["backupEligible"] = created.IsBackupEligible.ToString(),
            ["newUser"] = state.NewUser.ToString(),
        }), ct);
        await transaction.CommitAsync(ct);

        if (state.NewUser)
        {
            var uv = (Flags(AuthenticatorDataOf(response)) & UserVerifiedFlag) != 0;
            await SignInAsync(user, credential, uv);
        }

        return Results.Ok(new PasskeyResult("ok", user.UserName!, Id(created.Id)));
    }

    string? PolicyFailure(RegisteredPublicKeyCredential created, AuthenticatorAttestationRawResponse response)
    {
        var entry = metadata.Find(created.AaGuid);
        return PasskeyAttestationPolicy.Evaluate(Options, created.AaGuid, AttestationStatement.Read(response.Response.AttestationObject),
            entry, entry is not null && PasskeyMetadataService.ToFido2(entry) is not null);
    }

    /// <summary>authData inside the attestation object (CBOR map key "authData"), already verified by Fido2.</summary>
    static byte[] AuthenticatorDataOf(AuthenticatorAttestationRawResponse response)
    {
        var reader = new System.Formats.Cbor.CborReader(response.Response.AttestationObject, System.Formats.Cbor.CborConformanceMode.Lax);
        var count = reader.ReadStartMap();
        for (var i = 0; i < count; i++)
        {
            if (reader.ReadTextString() == "authData")
            {
                return reader.ReadByteString();
            }

            reader.SkipValue();
        }

        return [];
    }

    static PasskeyCeremonyState StateOf(Data.CeremonyChallenge challenge) =>
        System.Text.Json.JsonSerializer.Deserialize<PasskeyCeremonyState>(challenge.PayloadJson!)!;
}
