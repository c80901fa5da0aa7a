namespace FigiAuth.Uaf.Verification;

/// <summary>Signals that raise risk without failing the ceremony.</summary>
[Flags]
public enum UafRiskFlags
{
    None = 0,
    /// <summary>UAF-REG-16 / UAF-AUTH-15: AuthenticatorVersion below the metadata's authenticatorVersion.</summary>
    OutdatedAuthenticatorVersion = 1,
}
