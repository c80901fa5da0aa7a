using System.Buffers.Text;
using System.Text.Json;
using Fido2NetLib;
using FigiAuth.Server.Audit;
using FigiAuth.Server.Ceremonies;
using FigiAuth.Server.Data;
using FigiAuth.Server.Oidc;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FigiAuth.Server.Passkeys;

/// <summary>
/// The passkey ceremonies. Fido2 verifies the WebAuthn responses; this class keeps the options server-side (D1, D2),
/// applies FigiAuth's policy around the library (counter regression, backup flags, AAGUID lists, revoked credentials),
/// stores the change and its audit event in one transaction (D5), and signs the user in through SignInManager.
/// Every verification failure answers one generic 401 (D3); the reason goes only to the audit log.
/// </summary>
public sealed partial class PasskeyCeremonies(
    IFido2 fido2,
    PasskeyMetadataService metadata,
    FigiAuthDbContext db,
    ChallengeStore challenges,
    AuditLog audit,
    UserManager<FigiAuthUser> users,
    SignInManager<FigiAuthUser> signIn,
    PasskeyUsernameMask mask,
    TimeProvider time,
    IOptions<PasskeyOptions> options,
    ILogger<PasskeyCeremonies> logger)
{
    PasskeyOptions Options => options.Value;

    internal static IResult Rejected() =>
        Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Passkey verification failed");

    async Task<IResult> RejectAsync(string type, string reason, Guid? userId, string? subject, CancellationToken ct)
    {
        Log.Rejected(logger, type, reason);
        await audit.AppendAsync(db, new AuditEntry(type, userId, subject, Detail: new Dictionary<string, string?> { ["reason"] = reason }), ct);
        return Rejected();
    }

    async Task<CeremonyChallenge> SaveChallengeAsync(CeremonyPurpose purpose, Guid? userId, string? username,
        Func<byte[], string> optionsJson, HttpContext context, bool newUser, string? name, CancellationToken ct)
    {
        // A sign-up's user does not exist yet: the challenge row names no user, the state holds the id to create.
        var challenge = await challenges.CreateAsync(purpose, newUser ? null : userId, username, Options.RpId!, cancellationToken: ct);
        var json = optionsJson(Base64Url.DecodeFromChars(challenge.Challenge));
        challenge.PayloadJson = JsonSerializer.Serialize(new PasskeyCeremonyState(json, PasskeySessionBinding.Issue(context), userId,
            username, newUser, name));
        await db.SaveChangesAsync(ct);
        return challenge;
    }

    /// <summary>Consumes the challenge named in clientDataJSON (first answer, success or not) and returns its state when it
    /// belongs to this browser; null otherwise. The challenge value in clientDataJSON is only a lookup key: Fido2 then
    /// compares it with the stored options.</summary>
    async Task<(CeremonyChallenge? Challenge, PasskeyCeremonyState? State, string? Failure)> ConsumeAsync(
        byte[] clientDataJson, CeremonyPurpose purpose, HttpContext context, CancellationToken ct)
    {
        var (value, failure) = ChallengeOf(clientDataJson);
        if (value is null)
        {
            return (null, null, failure);
        }

        var challenge = await challenges.TryConsumeAsync(value, purpose, ct);
        if (challenge?.PayloadJson is null)
        {
            return (null, null, "unknown, expired or consumed challenge");
        }

        var state = JsonSerializer.Deserialize<PasskeyCeremonyState>(challenge.PayloadJson)!;
        return PasskeySessionBinding.Matches(context, state.SessionBinding)
            ? (challenge, state, null)
            : (challenge, null, "challenge answered from another browser session");
    }

    /// <summary>The challenge named in clientDataJSON (a lookup key only), or why there is none.</summary>
    static (string? Challenge, string? Failure) ChallengeOf(byte[] clientDataJson)
    {
        string? value;
        try
        {
            using var doc = JsonDocument.Parse(clientDataJson);
            value = doc.RootElement.TryGetProperty("challenge", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
        }
        catch (JsonException)
        {
            return (null, "clientDataJSON is not JSON");
        }

        return string.IsNullOrEmpty(value) || value.Length > 64 ? (null, "no challenge in clientDataJSON") : (value, null);
    }

    async Task SignInAsync(FigiAuthUser user, PasskeyCredential credential, bool userVerified)
    {
        var claims = AuthenticationLevels.SessionClaims(
            AuthenticationLevels.ForPasskey(credential.IsBackupEligible),
            AuthenticationLevels.AmrForPasskey(credential.IsBackupEligible, userVerified),
            time.GetUtcNow());
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, claims);
    }

    /// <summary>authenticatorData flags (WebAuthn §6.1): byte 32.</summary>
    static byte Flags(byte[] authenticatorData) => authenticatorData.Length > 32 ? authenticatorData[32] : (byte)0;

    const byte UserVerifiedFlag = 0x04;
    const byte BackupEligibleFlag = 0x08;
    const byte BackedUpFlag = 0x10;

    static string Id(byte[] credentialId) => Base64Url.EncodeToString(credentialId);
}
