using Fido2NetLib.Objects;

namespace FigiAuth.Server.Passkeys;

/// <summary>Passkeys ("FigiAuth:Passkeys"). RP ID and origins are fixed here, never taken from a request.</summary>
public sealed class PasskeyOptions
{
    public const string SectionName = "FigiAuth:Passkeys";

    /// <summary>The WebAuthn RP ID. Default: the host of FigiAuth:PublicOrigin.</summary>
    public string? RpId { get; set; }

    /// <summary>Default: "FigiAuth".</summary>
    public string RpName { get; set; } = "FigiAuth";

    /// <summary>Exact origins accepted in clientDataJSON. Default: FigiAuth:PublicOrigin.</summary>
    public List<string> Origins { get; set; } = [];

    /// <summary>Default: Required (the server's stored options decide, never the client's).</summary>
    public UserVerificationRequirement UserVerification { get; set; } = UserVerificationRequirement.Required;

    /// <summary>When not empty, only these AAGUIDs may register.</summary>
    public List<Guid> AllowedAaguids { get; set; } = [];

    /// <summary>These AAGUIDs may never register.</summary>
    public List<Guid> DeniedAaguids { get; set; } = [];

    /// <summary>Refuse "none" attestation (ask for direct attestation). Default: false.</summary>
    public bool RequireAttestation { get; set; }

    /// <summary>Largest accepted request body. Default: 16 KiB.</summary>
    public int MaxRequestBytes { get; set; } = 16 * 1024;

    /// <summary>Timeout the browser is told. Default: 5 minutes (the ceremony challenge lifetime decides on the server).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(5);
}
