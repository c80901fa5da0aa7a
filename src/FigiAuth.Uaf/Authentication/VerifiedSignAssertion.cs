using FigiAuth.Uaf.Verification;

namespace FigiAuth.Uaf.Authentication;

/// <summary>
/// One verified authentication assertion. <see cref="SignCounter"/> is the new counter to persist
/// (UAF-AUTH-20). For transaction confirmation, <see cref="TransactionContentType"/> and
/// <see cref="TransactionContentHash"/> say which issued form was confirmed. <see cref="Assertion"/>
/// (the whole TAG_UAFV1_AUTH_ASSERTION) with the response's fcParams is the evidence to retain for
/// disputes: it re-verifies offline with the stored public key.
/// </summary>
public sealed record VerifiedSignAssertion(
    string Aaid,
    string KeyId,
    uint SignCounter,
    byte AuthenticationMode,
    string? TransactionContentType,
    byte[]? TransactionContentHash,
    byte[] Assertion,
    UafRiskFlags RiskFlags)
{
    /// <summary>The bytes of the issued transaction form that was confirmed (UTF-8 text or PNG file), when one was.</summary>
    public byte[]? TransactionContent { get; init; }
}
