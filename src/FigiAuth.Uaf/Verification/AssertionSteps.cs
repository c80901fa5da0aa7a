using System.Security.Cryptography;
using FigiAuth.Uaf.Crypto;
using FigiAuth.Uaf.Messages;
using FigiAuth.Uaf.Metadata;
using FigiAuth.Uaf.Policy;

namespace FigiAuth.Uaf.Verification;

/// <summary>Per-assertion steps that registration and authentication share (metadata, policy, FCH).</summary>
internal static class AssertionSteps
{
    // REG-12 / AUTH-13: authoritative metadata for the AAID. 1480.
    public static UafFailure? CheckAaidHasMetadata(MetadataEntry? entry, string aaid, string stepId) =>
        entry is null ? new UafFailure(UafStatusCode.UnknownAaid, stepId, $"no metadata for {aaid}") : null;

    // REG-12 / AUTH-13: the model's MDS status reports allow this registration or authentication
    // (REVOKED, ATTESTATION_KEY_COMPROMISE for new registrations, user-side compromises not fixed by
    // a firmware update the authenticator has reached). 1493.
    public static UafFailure? CheckMetadataStatusAcceptable(
        MetadataEntry entry, bool forRegistration, ushort authenticatorVersion, IEnumerable<byte[]>? attestationPath, string stepId) =>
        MetadataStatusPolicy.Evaluate(entry, forRegistration, stepId, authenticatorVersion, attestationPath);

    // REG-13 / AUTH-13: not disallowed and in some accepted set of the request's policy. 1492.
    public static UafFailure? CheckPolicyAllows(UafPolicy policy, MetadataStatement statement, string keyId, string stepId) =>
        PolicyMatcher.IsAllowed(policy, statement, keyId)
            ? null
            : new UafFailure(UafStatusCode.UnacceptableAuthenticator, stepId, $"{statement.Aaid} is not allowed by the request policy");

    /// <summary>
    /// REG-13 / AUTH-13 for the whole response: the accepted assertions together satisfy one accepted
    /// set (an AND set: every criteria of it matched by some assertion). 1492.
    /// </summary>
    public static UafFailure? CheckAcceptedSetSatisfied(UafPolicy policy, IReadOnlyList<(MetadataStatement Statement, string KeyId)> used, string stepId)
    {
        var satisfied = policy.Accepted.Any(set =>
            set.All(criteria => used.Any(u => PolicyMatcher.Matches(criteria, u.Statement, u.KeyId))));
        return satisfied
            ? null
            : new UafFailure(UafStatusCode.UnacceptableAuthenticator, stepId, "the accepted assertions satisfy no accepted set of the policy");
    }

    /// <summary>H: the hash of the model's first authenticationAlgorithms entry (UAF.md §6.6).</summary>
    public static UafResult<HashAlgorithmName> HashOf(MetadataStatement statement, string stepId)
    {
        var hash = statement.AuthenticationAlgorithms.Count == 0 ? null : UafHash.For(statement.AuthenticationAlgorithms[0]);
        return hash is { } h
            ? h
            : new UafFailure(UafStatusCode.UnacceptableAlgorithm, stepId, "the model's first algorithm has no supported hash");
    }

    // REG-15 / AUTH-17: FCH == H(fcParams as received, ASCII), same length, fixed-time. 1498.
    public static UafFailure? CheckFinalChallengeHash(byte[] finalChallengeHash, string fcParams, MetadataStatement statement, string stepId)
    {
        var hash = HashOf(statement, stepId);
        if (!hash.Succeeded)
            return hash.Failure;
        var expected = UafHash.Compute(hash.Value, System.Text.Encoding.ASCII.GetBytes(fcParams));
        return FixedTime.Equal(finalChallengeHash, expected)
            ? null
            : new UafFailure(UafStatusCode.UnacceptableContent, stepId, "final challenge hash is not H(fcParams)");
    }

    // REG-16 / AUTH-15: a version below the metadata's is a risk signal, not a failure.
    public static UafRiskFlags CheckAuthenticatorVersion(ushort version, MetadataStatement statement) =>
        version < statement.AuthenticatorVersion ? UafRiskFlags.OutdatedAuthenticatorVersion : UafRiskFlags.None;
}
