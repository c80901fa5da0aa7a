using FigiAuth.Uaf.Verification;

namespace FigiAuth.Uaf.Registration;

/// <summary>
/// A verified registration response: the user the challenge was issued for, the keys to store, and
/// the failures of assertions that were skipped (UAF: "continue with next assertion").
/// </summary>
public sealed record RegistrationOutcome(
    string Username,
    IReadOnlyList<NewUafRegistration> Registrations,
    IReadOnlyList<UafFailure> SkippedAssertions)
{
    public UafRiskFlags RiskFlags => Registrations.Aggregate(UafRiskFlags.None, (flags, r) => flags | r.RiskFlags);
}
