namespace FigiAuth.Uaf.Metadata;

/// <summary>FIDO MDS3 AuthenticatorStatus values; unknown values are ignored when read.</summary>
public enum AuthenticatorStatus
{
    NotFidoCertified,
    FidoCertified,
    UserVerificationBypass,
    AttestationKeyCompromise,
    UserKeyRemoteCompromise,
    UserKeyPhysicalCompromise,
    UpdateAvailable,
    Revoked,
    SelfAssertionSubmitted,
    FidoCertifiedL1,
    FidoCertifiedL1Plus,
    FidoCertifiedL2,
    FidoCertifiedL2Plus,
    FidoCertifiedL3,
    FidoCertifiedL3Plus,
}
