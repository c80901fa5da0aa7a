using FigiAuth.Uaf.Algorithms;
using FigiAuth.Uaf.Messages;
using FigiAuth.Uaf.Metadata;

namespace FigiAuth.Client.Authenticators;

/// <summary>
/// One software authenticator model: its AAID, signature algorithm, public key encoding,
/// attestation type and transaction display. DEVELOPMENT ONLY: keys live in software.
/// </summary>
public sealed record AuthenticatorProfile(
    string Aaid,
    string Description,
    UafSignatureAlgorithm Algorithm,
    UafPublicKeyEncoding KeyEncoding,
    UafAttestationType Attestation,
    string TcDisplayContentType = Transaction.TextPlain)
{
    /// <summary>AuthenticatorVersion written in ASSERTION_INFO and the metadata.</summary>
    public ushort AuthenticatorVersion { get; init; } = 1;

    /// <summary>PNG sizes the display accepts; only meaningful for <c>image/png</c>.</summary>
    public IReadOnlyList<DisplayPngCharacteristicsDescriptor> TcDisplayPngCharacteristics { get; init; } = [];

    /// <summary>
    /// The metadata statement of this model. <paramref name="attestationRoots"/> are the DER trust
    /// anchors of basic full attestation; surrogate-only models have none.
    /// </summary>
    public MetadataStatement ToMetadataStatement(IReadOnlyList<byte[]>? attestationRoots = null) => new()
    {
        Aaid = Aaid,
        Description = Description,
        AuthenticatorVersion = AuthenticatorVersion,
        AuthenticationAlgorithms = [Algorithm],
        PublicKeyAlgAndEncodings = [KeyEncoding],
        AttestationTypes = [Attestation],
        UserVerification = UserVerifyPasscode,
        UserVerificationDetails = [[UserVerifyPasscode]],
        KeyProtection = KeyProtectionSoftware,
        MatcherProtection = MatcherProtectionSoftware,
        AttachmentHint = AttachmentHintInternal,
        TcDisplay = TcDisplayAny,
        TcDisplayContentType = TcDisplayContentType,
        TcDisplayPngCharacteristics = TcDisplayPngCharacteristics,
        AttestationRootCertificates = Attestation == UafAttestationType.BasicFull ? attestationRoots ?? [] : [],
    };

    internal const uint UserVerifyPasscode = 0x004;
    internal const ushort KeyProtectionSoftware = 0x01;
    internal const ushort MatcherProtectionSoftware = 0x01;
    internal const uint AttachmentHintInternal = 0x001;
    internal const ushort TcDisplayAny = 0x01;
}
