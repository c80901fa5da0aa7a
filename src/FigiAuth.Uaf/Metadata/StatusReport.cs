namespace FigiAuth.Uaf.Metadata;

/// <summary>One MDS3 status report of an authenticator model.</summary>
public sealed record StatusReport(
    AuthenticatorStatus Status,
    DateOnly? EffectiveDate = null,
    uint? AuthenticatorVersion = null,
    byte[]? Certificate = null);
