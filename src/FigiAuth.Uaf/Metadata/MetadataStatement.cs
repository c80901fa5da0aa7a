using FigiAuth.Uaf.Algorithms;
using FigiAuth.Uaf.Messages;

namespace FigiAuth.Uaf.Metadata;

/// <summary>
/// A UAF authenticator's metadata statement, normalised to the FIDO Registry's numbers whether it
/// was read from the v3 (MDS3, string enums) or the pre-v3 (numeric) JSON form.
/// </summary>
public sealed record MetadataStatement
{
    public required string Aaid { get; init; }
    public string? Description { get; init; }
    public ushort AuthenticatorVersion { get; init; }
    public string ProtocolFamily { get; init; } = "uaf";
    public IReadOnlyList<UafVersion> Upv { get; init; } = [UafVersion.V1_1];
    public string AssertionScheme { get; init; } = "UAFV1TLV";
    /// <summary>ALG_SIGN values; the first one fixes the hash of the final challenge hash.</summary>
    public required IReadOnlyList<UafSignatureAlgorithm> AuthenticationAlgorithms { get; init; }
    public required IReadOnlyList<UafPublicKeyEncoding> PublicKeyAlgAndEncodings { get; init; }
    public required IReadOnlyList<UafAttestationType> AttestationTypes { get; init; }
    /// <summary>OR of every USER_VERIFY flag in userVerificationDetails.</summary>
    public uint UserVerification { get; init; }
    /// <summary>userVerificationDetails: outer list = alternatives, inner list = all required.</summary>
    public IReadOnlyList<IReadOnlyList<uint>> UserVerificationDetails { get; init; } = [];
    public ushort KeyProtection { get; init; }
    public bool IsKeyRestricted { get; init; } = true;
    public bool IsFreshUserVerificationRequired { get; init; } = true;
    public ushort MatcherProtection { get; init; }
    public uint AttachmentHint { get; init; }
    public bool IsSecondFactorOnly { get; init; }
    public ushort TcDisplay { get; init; }
    public string? TcDisplayContentType { get; init; }
    public IReadOnlyList<DisplayPngCharacteristicsDescriptor> TcDisplayPngCharacteristics { get; init; } = [];
    /// <summary>DER trust anchors for basic full attestation; empty for surrogate-only models.</summary>
    public IReadOnlyList<byte[]> AttestationRootCertificates { get; init; } = [];
    public IReadOnlyList<UafExtension> SupportedExtensions { get; init; } = [];
}
