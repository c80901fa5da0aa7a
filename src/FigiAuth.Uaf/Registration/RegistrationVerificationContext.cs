using FigiAuth.Uaf.Verification;

namespace FigiAuth.Uaf.Registration;

/// <summary>What <see cref="RegistrationVerifier"/> needs from the host.</summary>
public sealed record RegistrationVerificationContext : UafVerificationContext
{
    /// <summary>
    /// UAF-REG-17: highest SignCounter/RegCounter accepted at registration. Default 2^31-1: a counter in
    /// the upper half of UINT32 is implausible for a new key and would leave little room before AUTH-19
    /// can no longer see it grow.
    /// </summary>
    public uint MaxPlausibleCounter { get; init; } = int.MaxValue;

    /// <summary>When set, UAF-REG-20 refuses an (AAID, KeyID) that is already registered.</summary>
    public IUafRegistrationLookup? ExistingRegistrations { get; init; }
}
