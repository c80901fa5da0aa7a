namespace FigiAuth.Uaf.Authentication;

/// <summary>A verified authentication response: who authenticated, with which keys, over which fcParams.</summary>
public sealed record AuthenticationOutcome(
    string UserId,
    string Username,
    string FcParams,
    IReadOnlyList<VerifiedSignAssertion> Assertions);
