using FigiAuth.Uaf.Messages;
using FigiAuth.Uaf.Metadata;

namespace FigiAuth.Uaf.Policy;

/// <summary>
/// Evaluates UAF policies against an authenticator's metadata (UAF Protocol §3.1.11
/// MatchCriteria, UAF.md §2.4): a criteria matches when every member it has matches.
/// </summary>
public static class PolicyMatcher
{
    /// <summary>USER_VERIFY_ALL: all the listed methods must be used together.</summary>
    public const uint UserVerifyAll = 0x400;

    /// <summary>
    /// True when one authenticator (its metadata and, when known, its base64url KeyID) is not
    /// disallowed and appears in some accepted set.
    /// </summary>
    public static bool IsAllowed(UafPolicy policy, MetadataStatement authenticator, string? keyId)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (policy.Disallowed?.Any(c => Matches(c, authenticator, keyId)) == true)
            return false;
        return policy.Accepted.Any(set => set.Any(c => Matches(c, authenticator, keyId)));
    }

    public static bool Matches(MatchCriteria criteria, MetadataStatement authenticator, string? keyId)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        ArgumentNullException.ThrowIfNull(authenticator);
        var a = authenticator;
        return (criteria.Aaid is null || criteria.Aaid.Contains(a.Aaid, StringComparer.OrdinalIgnoreCase))
            && (criteria.VendorId is null || criteria.VendorId.Contains(a.Aaid[..Math.Min(4, a.Aaid.Length)], StringComparer.OrdinalIgnoreCase))
            && (criteria.KeyIds is null || (keyId is not null && criteria.KeyIds.Contains(keyId, StringComparer.Ordinal)))
            && (criteria.UserVerification is not { } uv || UserVerificationAlternatives(a).Any(alt => UserVerificationMatches(uv, alt)))
            && FlagsMatch(criteria.KeyProtection, a.KeyProtection)
            && FlagsMatch(criteria.MatcherProtection, a.MatcherProtection)
            && FlagsMatch(criteria.AttachmentHint, a.AttachmentHint)
            && FlagsMatch(criteria.TcDisplay, a.TcDisplay)
            && (criteria.AuthenticationAlgorithms is null || criteria.AuthenticationAlgorithms.Any(x => a.AuthenticationAlgorithms.Contains((Algorithms.UafSignatureAlgorithm)x)))
            && (criteria.AssertionSchemes is null || criteria.AssertionSchemes.Contains(a.AssertionScheme, StringComparer.Ordinal))
            && (criteria.AttestationTypes is null || criteria.AttestationTypes.Any(x => a.AttestationTypes.Contains((Algorithms.UafAttestationType)x)))
            && (criteria.AuthenticatorVersion is not { } version || version <= a.AuthenticatorVersion)
            && (criteria.Exts is null || criteria.Exts.Where(e => e.FailIfUnknown)
                .All(e => a.SupportedExtensions.Any(s => s.Id == e.Id)));
    }

    /// <summary>
    /// "equal, or neither side has USER_VERIFY_ALL and the AND is non-zero" (UAF.md §2.4).
    /// </summary>
    public static bool UserVerificationMatches(uint criterion, uint authenticator) =>
        criterion == authenticator
        || ((criterion & UserVerifyAll) == 0 && (authenticator & UserVerifyAll) == 0 && (criterion & authenticator) != 0);

    /// <summary>
    /// The authenticator's userVerification values, one per userVerificationDetails alternative;
    /// an alternative that combines several methods is their OR plus USER_VERIFY_ALL.
    /// </summary>
    private static IEnumerable<uint> UserVerificationAlternatives(MetadataStatement a) =>
        a.UserVerificationDetails.Count == 0
            ? [a.UserVerification]
            : a.UserVerificationDetails.Select(methods => methods.Aggregate(0u, (acc, m) => acc | m)
                | (methods.Count > 1 ? UserVerifyAll : 0u));

    private static bool FlagsMatch(uint? criterion, uint authenticator) =>
        criterion is not { } c || (c & authenticator) != 0;
}
