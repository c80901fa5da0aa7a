namespace FigiAuth.Uaf.Verification;

/// <summary>State of a stored registration.</summary>
public enum UafRegistrationStatus
{
    Active,
    /// <summary>A counter regression was seen (UAF-AUTH-19): possibly a cloned authenticator.</summary>
    Suspect,
    /// <summary>Deregistered or revoked by an administrator.</summary>
    Revoked,
}
