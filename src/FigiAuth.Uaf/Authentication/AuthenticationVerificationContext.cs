using FigiAuth.Uaf.Verification;

namespace FigiAuth.Uaf.Authentication;

/// <summary>What <see cref="AuthenticationVerifier"/> needs from the host.</summary>
public sealed record AuthenticationVerificationContext : UafVerificationContext
{
    public required IUafRegistrationLookup Registrations { get; init; }

    /// <summary>Imported keys; share one instance across requests (it is thread-safe).</summary>
    public required UafPublicKeyCache KeyCache { get; init; }
}
