using System.Security.Claims;
using FigiAuth.Uaf.Metadata;

namespace FigiAuth.Server.Oidc;

/// <summary>
/// The acr values FigiAuth asserts and the amr values (RFC 8176) they come with; see docs/acr-amr.md.
/// A higher level satisfies every lower one.
/// </summary>
public static class AuthenticationLevels
{
    /// <summary>A synced (backup-eligible) passkey with user verification: phishing-resistant, key may leave the device.</summary>
    public const string SoftwareKey = "figiauth:swk";

    /// <summary>A device-bound key with user verification: a passkey that is not backup-eligible, or a UAF authenticator.</summary>
    public const string HardwareKey = "figiauth:hwk";

    public const string AcrClaim = "acr";
    public const string AmrClaim = "amr";
    public const string AuthTimeClaim = "auth_time";

    static readonly string[] Ordered = [SoftwareKey, HardwareKey];

    /// <summary>The rank of an acr value; -1 when unknown (satisfies nothing).</summary>
    public static int Rank(string? acr) => acr is null ? -1 : Array.IndexOf(Ordered, acr);

    /// <summary>True when <paramref name="actual"/> meets any of the requested values (space-separated acr_values).</summary>
    public static bool Satisfies(string? actual, string? requested)
    {
        var wanted = (requested ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Rank).Where(r => r >= 0).ToList();
        return wanted.Count == 0 || Rank(actual) >= wanted.Min();
    }

    /// <summary>The acr of a passkey: device-bound (not backup-eligible) keys are hwk, synced ones swk.</summary>
    public static string ForPasskey(bool backupEligible) => backupEligible ? SoftwareKey : HardwareKey;

    /// <summary>RFC 8176 amr of a user-verified passkey: key kind, user presence, and mfa (possession + verification).</summary>
    public static IReadOnlyList<string> AmrForPasskey(bool backupEligible, bool userVerified) =>
        userVerified ? [backupEligible ? "swk" : "hwk", "user", "mfa"] : [backupEligible ? "swk" : "hwk", "user"];

    /// <summary>
    /// The acr of a UAF authentication, from the metadata of the authenticators that signed: hwk when every one's
    /// keyProtection names hardware, a TEE or a secure element (the key cannot leave the device), else swk.
    /// </summary>
    public static string ForUaf(IReadOnlyCollection<MetadataStatement> statements) =>
        IsHardwareBound(statements) ? HardwareKey : SoftwareKey;

    /// <summary>
    /// RFC 8176 amr of a UAF authentication: "hwk" or "swk" as <see cref="ForUaf"/>; "user" (a UAF assertion proves user
    /// presence); the user verification methods from the metadata (passcode and pattern "pin", fingerprint "fpt",
    /// face "face", eye "iris", voice "vbm"); and "mfa" when one of those unlocked the key.
    /// </summary>
    public static IReadOnlyList<string> AmrForUaf(IReadOnlyCollection<MetadataStatement> statements)
    {
        var amr = new List<string> { IsHardwareBound(statements) ? "hwk" : "swk", "user" };
        var flags = statements.Aggregate(0u, (all, s) => all | s.UserVerification | s.UserVerificationDetails.SelectMany(x => x).Aggregate(0u, (a, b) => a | b));
        foreach (var (flag, name) in UafVerificationMethods)
        {
            if ((flags & flag) != 0 && !amr.Contains(name))
            {
                amr.Add(name);
            }
        }

        if (amr.Count > 2)
        {
            amr.Add("mfa");
        }

        return amr;
    }

    /// <summary>The claim an access token issued with a transaction confirmation carries: the confirmation's id (its
    /// receipt is the evidence; the token's acr is that of the authenticator).</summary>
    public const string ConfirmationIdClaim = "confirmation_id";

    const uint HardwareProtection = 0x02 | 0x04 | 0x08; // keyProtection: hardware, tee, secure_element

    static readonly (uint Flag, string Amr)[] UafVerificationMethods =
    [
        (0x002, "fpt"), (0x004, "pin"), (0x008, "vbm"), (0x010, "face"), (0x040, "iris"), (0x080, "pin"), (0x800, "pin"), (0x1000, "pin"),
    ];

    static bool IsHardwareBound(IReadOnlyCollection<MetadataStatement> statements) =>
        statements.Count > 0 && statements.All(s => (s.KeyProtection & HardwareProtection) != 0);

    /// <summary>The claims a sign-in session carries: acr, each amr, auth_time (Unix seconds).</summary>
    public static IReadOnlyList<Claim> SessionClaims(string acr, IEnumerable<string> amr, DateTimeOffset authTime) =>
    [
        new(AcrClaim, acr),
        .. amr.Select(a => new Claim(AmrClaim, a)),
        new(AuthTimeClaim, authTime.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), ClaimValueTypes.Integer64),
    ];

    /// <summary>auth_time of a session principal, or null.</summary>
    public static DateTimeOffset? AuthTime(ClaimsPrincipal principal) =>
        long.TryParse(principal.FindFirst(AuthTimeClaim)?.Value, out var seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;
}
