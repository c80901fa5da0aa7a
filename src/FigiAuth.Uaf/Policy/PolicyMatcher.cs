using FigiAuth.Uaf.Messages;
using FigiAuth.Uaf.Metadata;

namespace FigiAuth.Uaf.Policy;

/// <summary>Evaluates UAF policies against an authenticator's metadata (UAF Protocol MatchCriteria rules).</summary>
public static class PolicyMatcher
{
    /// <summary>
    /// True when one authenticator (its metadata and, when known, its base64url KeyID) is not
    /// disallowed and appears in some accepted set.
    /// </summary>
    public static bool IsAllowed(UafPolicy policy, MetadataStatement authenticator, string? keyId)
    {
        if (policy.Disallowed?.Any(c => Matches(c, authenticator, keyId)) == true)
            return false;
        return policy.Accepted.Any(set => set.Any(c => Matches(c, authenticator, keyId)));
    }

    public static bool Matches(MatchCriteria criteria, MetadataStatement authenticator, string? keyId) =>
        criteria.Aaid is null || criteria.Aaid.Contains(authenticator.Aaid, StringComparer.OrdinalIgnoreCase);
}
