namespace FigiAuth.Uaf.Authentication;

/// <summary>
/// The result of <see cref="AuthenticationVerifier.VerifyAsync"/>: the outcome or the failure, and, on
/// either path, every counter regression seen (UAF-AUTH-19) so the host can flag those registrations.
/// </summary>
public readonly record struct AuthenticationVerification(
    UafResult<AuthenticationOutcome> Result,
    IReadOnlyList<CounterRegression> CounterRegressions)
{
    public bool Succeeded => Result.Succeeded;

    public UafFailure? Failure => Result.Failure;

    public AuthenticationOutcome Value => Result.Value;

    public static implicit operator UafResult<AuthenticationOutcome>(AuthenticationVerification verification) => verification.Result;
}
