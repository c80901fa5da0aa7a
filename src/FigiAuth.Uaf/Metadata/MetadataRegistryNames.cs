using System.Collections.Frozen;

namespace FigiAuth.Uaf.Metadata;

/// <summary>
/// The MDS3 (metadata statement v3) spellings of FIDO Registry values, mapped to the registry
/// numbers the rest of the server uses (UAF.md §7).
/// </summary>
internal static class MetadataRegistryNames
{
    public static readonly FrozenDictionary<string, ushort> AuthenticationAlgorithms = new Dictionary<string, ushort>
    {
        ["secp256r1_ecdsa_sha256_raw"] = 0x0001, ["secp256r1_ecdsa_sha256_der"] = 0x0002,
        ["rsassa_pss_sha256_raw"] = 0x0003, ["rsassa_pss_sha256_der"] = 0x0004,
        ["secp256k1_ecdsa_sha256_raw"] = 0x0005, ["secp256k1_ecdsa_sha256_der"] = 0x0006,
        ["sm2_sm3_raw"] = 0x0007, ["rsa_emsa_pkcs1_sha256_raw"] = 0x0008,
        ["rsa_emsa_pkcs1_sha256_der"] = 0x0009, ["rsassa_pss_sha384_raw"] = 0x000A,
        ["rsassa_pss_sha512_raw"] = 0x000B, ["rsassa_pkcsv15_sha256_raw"] = 0x000C,
        ["rsassa_pkcsv15_sha384_raw"] = 0x000D, ["rsassa_pkcsv15_sha512_raw"] = 0x000E,
        ["rsassa_pkcsv15_sha1_raw"] = 0x000F, ["secp384r1_ecdsa_sha384_raw"] = 0x0010,
        ["secp521r1_ecdsa_sha512_raw"] = 0x0011, ["ed25519_eddsa_sha512_raw"] = 0x0012,
        ["ed448_eddsa_sha512_raw"] = 0x0013,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static readonly FrozenDictionary<string, ushort> PublicKeyEncodings = new Dictionary<string, ushort>
    {
        ["ecc_x962_raw"] = 0x0100, ["ecc_x962_der"] = 0x0101, ["rsa_2048_raw"] = 0x0102,
        ["rsa_2048_der"] = 0x0103, ["cose"] = 0x0104,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static readonly FrozenDictionary<string, ushort> AttestationTypes = new Dictionary<string, ushort>
    {
        ["basic_full"] = 0x3E07, ["basic_surrogate"] = 0x3E08, ["ecdaa"] = 0x3E09,
        ["attca"] = 0x3E0A, ["none"] = 0x3E0B, ["anonca"] = 0x3E0C,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static readonly FrozenDictionary<string, uint> UserVerificationMethods = new Dictionary<string, uint>
    {
        ["presence_internal"] = 0x001, ["fingerprint_internal"] = 0x002, ["passcode_internal"] = 0x004,
        ["voiceprint_internal"] = 0x008, ["faceprint_internal"] = 0x010, ["location_internal"] = 0x020,
        ["eyeprint_internal"] = 0x040, ["pattern_internal"] = 0x080, ["handprint_internal"] = 0x100,
        ["none"] = 0x200, ["all"] = 0x400, ["passcode_external"] = 0x800, ["pattern_external"] = 0x1000,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static readonly FrozenDictionary<string, uint> KeyProtection = new Dictionary<string, uint>
    {
        ["software"] = 0x01, ["hardware"] = 0x02, ["tee"] = 0x04, ["secure_element"] = 0x08, ["remote_handle"] = 0x10,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static readonly FrozenDictionary<string, uint> MatcherProtection = new Dictionary<string, uint>
    {
        ["software"] = 0x1, ["tee"] = 0x2, ["on_chip"] = 0x4,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static readonly FrozenDictionary<string, uint> AttachmentHint = new Dictionary<string, uint>
    {
        ["internal"] = 0x001, ["external"] = 0x002, ["wired"] = 0x004, ["wireless"] = 0x008, ["nfc"] = 0x010,
        ["bluetooth"] = 0x020, ["network"] = 0x040, ["ready"] = 0x080, ["wifi_direct"] = 0x100,
        ["smart-card"] = 0x200, ["smart_card"] = 0x200,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static readonly FrozenDictionary<string, uint> TcDisplay = new Dictionary<string, uint>
    {
        ["any"] = 0x01, ["privileged_software"] = 0x02, ["tee"] = 0x04, ["hardware"] = 0x08, ["remote"] = 0x10,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static readonly FrozenDictionary<string, AuthenticatorStatus> Statuses = new Dictionary<string, AuthenticatorStatus>
    {
        ["NOT_FIDO_CERTIFIED"] = AuthenticatorStatus.NotFidoCertified,
        ["FIDO_CERTIFIED"] = AuthenticatorStatus.FidoCertified,
        ["USER_VERIFICATION_BYPASS"] = AuthenticatorStatus.UserVerificationBypass,
        ["ATTESTATION_KEY_COMPROMISE"] = AuthenticatorStatus.AttestationKeyCompromise,
        ["USER_KEY_REMOTE_COMPROMISE"] = AuthenticatorStatus.UserKeyRemoteCompromise,
        ["USER_KEY_PHYSICAL_COMPROMISE"] = AuthenticatorStatus.UserKeyPhysicalCompromise,
        ["UPDATE_AVAILABLE"] = AuthenticatorStatus.UpdateAvailable,
        ["REVOKED"] = AuthenticatorStatus.Revoked,
        ["SELF_ASSERTION_SUBMITTED"] = AuthenticatorStatus.SelfAssertionSubmitted,
        ["FIDO_CERTIFIED_L1"] = AuthenticatorStatus.FidoCertifiedL1,
        ["FIDO_CERTIFIED_L1plus"] = AuthenticatorStatus.FidoCertifiedL1Plus,
        ["FIDO_CERTIFIED_L2"] = AuthenticatorStatus.FidoCertifiedL2,
        ["FIDO_CERTIFIED_L2plus"] = AuthenticatorStatus.FidoCertifiedL2Plus,
        ["FIDO_CERTIFIED_L3"] = AuthenticatorStatus.FidoCertifiedL3,
        ["FIDO_CERTIFIED_L3plus"] = AuthenticatorStatus.FidoCertifiedL3Plus,
    }.ToFrozenDictionary(StringComparer.Ordinal);
}
