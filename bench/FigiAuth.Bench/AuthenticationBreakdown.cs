using FigiAuth.Uaf.Assertions;
using FigiAuth.Uaf.Authentication;
using FigiAuth.Uaf.Facets;
using FigiAuth.Uaf.Messages;
using FigiAuth.Uaf.Tests.Fuzz;
using FigiAuth.Uaf.Verification;

namespace FigiAuth.Bench;

/// <summary>
/// <c>--breakdown</c>: where a cached-key authentication spends its time beyond the signature, step by
/// step (interleaved like <see cref="InterleavedRatios"/>; the steps are internal, hence not benchmarks).
/// </summary>
internal static class AuthenticationBreakdown
{
    public static void Run(int rounds)
    {
        var seeds = new UafSeedCeremonies();
        var cache = new UafPublicKeyCache();
        var registration = seeds.Registration;
        var assertion = AuthenticationAssertionReader.Read(seeds.AuthenticationAssertion);
        var context = seeds.AuthenticationContext(cache);
        var parsed = UafMessageReader.ReadAuthenticationResponse(seeds.AuthenticationResponse);
        var fcp = UafMessageReader.ReadFinalChallengeParams(parsed.FinalChallengeParamsJson, "BENCH");
        var entry = seeds.Metadata.Find(registration.Aaid)!;
        var policy = seeds.AuthenticationIssued.Ledger.Policy;
        Medians(rounds,
            ("AuthenticationVerifier.VerifyAsync", () => AuthenticationVerifier.VerifyAsync(seeds.AuthenticationResponse, context).GetAwaiter().GetResult()),
            ("UafPublicKeyCache.Verify (AUTH-18)", () => cache.Verify(registration, assertion.SignedData.Raw, assertion.Signature, "BENCH")),
            ("ReadAuthenticationResponse (01-02)", () => UafMessageReader.ReadAuthenticationResponse(seeds.AuthenticationResponse)),
            ("CheckCeremonyAsync (03-08)", () => ResponseSteps.CheckCeremonyAsync(
                parsed.Message.Header, parsed.FinalChallengeParamsJson, MessageSteps.Authentication, context, default).AsTask().GetAwaiter().GetResult()),
            ("  of which ReadFinalChallengeParams", () => UafMessageReader.ReadFinalChallengeParams(parsed.FinalChallengeParamsJson, "BENCH")),
            ("  of which FacetIds.IsTrusted", () => FacetIds.IsTrusted(fcp.FacetId, context.TrustedFacetIds)),
            ("AuthenticationAssertionReader.Read", () => AuthenticationAssertionReader.Read(seeds.AuthenticationAssertion)),
            ("metadata status (AUTH-13)", () => AssertionSteps.CheckMetadataStatusAcceptable(entry, false, 1, null, "BENCH")),
            ("policy (AUTH-13)", () => AssertionSteps.CheckPolicyAllows(policy, entry.Statement, registration.KeyId, "BENCH")),
            ("final challenge hash (AUTH-17)", () => AssertionSteps.CheckFinalChallengeHash(
                assertion.SignedData.FinalChallengeHash, parsed.Message.FcParams, entry.Statement, "BENCH")),
            ("accepted set (AUTH-13)", () => AssertionSteps.CheckAcceptedSetSatisfied(policy, [(entry.Statement, registration.KeyId)], "BENCH")));
    }

    private static void Medians(int rounds, params (string Name, Action Run)[] steps) =>
        InterleavedRatios.Medians(steps.Select(s => (s.Name, (Func<bool>)(() => { s.Run(); return true; }))).ToArray(), rounds);
}
