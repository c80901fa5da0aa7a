using System.Security.Cryptography;
using FigiAuth.Uaf.Algorithms;
using FigiAuth.Uaf.Assertions;
using FigiAuth.Uaf.Attestation;
using FigiAuth.Uaf.Crypto;
using FigiAuth.Uaf.Encoding;
using FigiAuth.Uaf.Messages;
using FigiAuth.Uaf.Metadata;
using FigiAuth.Uaf.Verification;

namespace FigiAuth.Uaf.Registration;

/// <summary>
/// Verifies a RegistrationResponse (UAF.md §8.2, FIDO UAF Protocol v1.1 "Registration Response
/// Processing Rules for the FIDO Server"), one named step per rule; IDs in docs/specs/uaf-steps.md.
/// </summary>
public static class RegistrationVerifier
{
    public static async Task<UafResult<RegistrationOutcome>> VerifyAsync(
        string uafResponse, RegistrationVerificationContext ctx, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        try
        {
            return await VerifyResponseAsync(uafResponse, ctx, cancellationToken).ConfigureAwait(false);
        }
        catch (UafFormatException e)
        {
            return e.ToFailure();
        }
    }

    private static async Task<UafResult<RegistrationOutcome>> VerifyResponseAsync(
        string uafResponse, RegistrationVerificationContext ctx, CancellationToken ct)
    {
        // UAF-REG-01, UAF-REG-02
        var parsed = UafMessageReader.ReadRegistrationResponse(uafResponse, ctx.ReaderOptions);
        var response = parsed.Message;
        // UAF-REG-03 .. UAF-REG-08
        var ceremony = await ResponseSteps.CheckCeremonyAsync(response.Header, parsed.FinalChallengeParamsJson, MessageSteps.Registration, ctx, ct).ConfigureAwait(false);
        if (!ceremony.Succeeded)
            return ceremony.Failure;
        var issued = ceremony.Value.Issued;

        // UAF-REG-10 .. UAF-REG-20 per assertion; failing assertions are skipped.
        var accepted = new List<NewUafRegistration>();
        var used = new List<(MetadataStatement, string)>();
        var skipped = new List<UafFailure>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < parsed.Assertions.Count; i++)
        {
            var result = await VerifyAssertionAsync(parsed.Assertions[i], response.Assertions[i], response.FcParams, issued, ctx, ct).ConfigureAwait(false);
            var failure = result.Succeeded ? CheckKeyIdIsNewInResponse(result.Value.Registration, keys) : result.Failure;
            if (failure is not null)
            {
                skipped.Add(failure);
                continue;
            }
            accepted.Add(result.Value.Registration);
            used.Add((result.Value.Statement, result.Value.Registration.KeyId));
        }
        if (accepted.Count == 0)
            return skipped[0];
        var setFailure = AssertionSteps.CheckAcceptedSetSatisfied(issued.Policy, used, UafSteps.Reg13);
        return setFailure ?? (UafResult<RegistrationOutcome>)new RegistrationOutcome(issued.Username!, accepted, skipped);
    }

    private static async ValueTask<UafResult<(NewUafRegistration Registration, MetadataStatement Statement)>> VerifyAssertionAsync(
        byte[] bytes, AuthenticatorRegistrationAssertion wire, string fcParams, IssuedUafRequest issued,
        RegistrationVerificationContext ctx, CancellationToken ct)
    {
        try
        {
            var assertion = RegistrationAssertionReader.Read(bytes); // UAF-REG-10, UAF-REG-11
            var krd = assertion.Krd;
            var keyId = StrictBase64Url.Encode(krd.KeyId);
            var entry = ctx.Metadata.Find(krd.Aaid);
            var failure = AssertionSteps.CheckAaidHasMetadata(entry, krd.Aaid, UafSteps.Reg12);
            if (failure is not null)
                return failure;
            var statement = entry!.Statement;
            failure = AssertionSteps.CheckMetadataStatusAcceptable(
                    entry, forRegistration: true, krd.AuthenticatorVersion,
                    assertion.Certificates.Concat(statement.AttestationRootCertificates), UafSteps.Reg12)
                ?? AssertionSteps.CheckPolicyAllows(issued.Policy, statement, keyId, UafSteps.Reg13)
                ?? CheckSchemeModeAndAlgorithms(wire.AssertionScheme, krd, statement)
                ?? AssertionSteps.CheckFinalChallengeHash(krd.FinalChallengeHash, fcParams, statement, UafSteps.Reg15)
                ?? CheckCountersArePlausible(krd, ctx.MaxPlausibleCounter);
            if (failure is not null)
                return failure;
            var imported = ImportPublicKey(krd);
            if (!imported.Succeeded)
                return imported.Failure;
            using (var krdKey = imported.Value)
                failure = AttestationVerifier.Verify(assertion, statement, ctx.TimeProvider.GetUtcNow(), krdKey);
            failure ??= await CheckKeyIsNotRegisteredAsync(krd.Aaid, keyId, ctx.ExistingRegistrations, ct).ConfigureAwait(false);
            if (failure is not null)
                return failure;
            var risk = AssertionSteps.CheckAuthenticatorVersion(krd.AuthenticatorVersion, statement); // UAF-REG-16
            return (ToRegistration(assertion, keyId, wire, risk), statement);
        }
        catch (UafFormatException e)
        {
            return e.ToFailure();
        }
    }

    // UAF-REG-14: the metadata's assertion scheme; AuthenticationMode 0x01; the KRD's algorithm and key
    // encoding among the model's. 1498 for scheme/mode, 1495 for algorithms.
    internal static UafFailure? CheckSchemeModeAndAlgorithms(string scheme, KeyRegistrationData krd, MetadataStatement statement)
    {
        if (!string.Equals(scheme, statement.AssertionScheme, StringComparison.Ordinal))
            return new(UafStatusCode.UnacceptableContent, UafSteps.Reg14, "assertionScheme differs from the metadata's");
        if (krd.AuthenticationMode != 0x01)
            return new(UafStatusCode.UnacceptableContent, UafSteps.Reg14, $"KRD AuthenticationMode is 0x{krd.AuthenticationMode:X2}, not 0x01");
        if (!statement.AuthenticationAlgorithms.Contains(krd.SignatureAlgorithm))
            return new(UafStatusCode.UnacceptableAlgorithm, UafSteps.Reg14, $"algorithm 0x{(ushort)krd.SignatureAlgorithm:X4} is not in the metadata");
        if (!statement.PublicKeyAlgAndEncodings.Contains(krd.PublicKeyEncoding))
            return new(UafStatusCode.UnacceptableAlgorithm, UafSteps.Reg14, $"key encoding 0x{(ushort)krd.PublicKeyEncoding:X4} is not in the metadata");
        return null;
    }

    // UAF-REG-17: counters plausible (0 = unsupported). 1498.
    internal static UafFailure? CheckCountersArePlausible(KeyRegistrationData krd, uint max) =>
        krd.SignCounter > max || krd.RegCounter > max
            ? new UafFailure(UafStatusCode.UnacceptableContent, UafSteps.Reg17, "a registration counter is implausibly high")
            : null;

    // UAF-REG-19: TAG_PUB_KEY parses per its encoding and is an acceptable key. 1494/1495.
    // Runs before UAF-REG-18 on purpose: surrogate attestation verifies with this very key (imported
    // once, here), and a malformed key should answer 1494, not 1496.
    internal static UafResult<UafPublicKey> ImportPublicKey(KeyRegistrationData krd) =>
        UafPublicKey.Import(krd.SignatureAlgorithm, krd.PublicKeyEncoding, krd.PublicKey, UafSteps.Reg19);

    // UAF-REG-20: the (AAID, KeyID) is not registered yet ("should never occur"). 1498.
    internal static async ValueTask<UafFailure?> CheckKeyIsNotRegisteredAsync(
        string aaid, string keyId, IUafRegistrationLookup? existing, CancellationToken ct)
    {
        if (existing is null)
            return null;
        return await existing.FindAsync(aaid, keyId, ct).ConfigureAwait(false) is null
            ? null
            : new UafFailure(UafStatusCode.UnacceptableContent, UafSteps.Reg20, "(AAID, KeyID) is already registered");
    }

    // UAF-REG-20: one response must not register the same (AAID, KeyID) twice. 1498.
    internal static UafFailure? CheckKeyIdIsNewInResponse(NewUafRegistration registration, HashSet<string> seen) =>
        seen.Add($"{registration.Aaid.ToUpperInvariant()}|{registration.KeyId}")
            ? null
            : new UafFailure(UafStatusCode.UnacceptableContent, UafSteps.Reg20, "KeyID repeats within the response");

    private static NewUafRegistration ToRegistration(
        RegistrationAssertion assertion, string keyId, AuthenticatorRegistrationAssertion wire, UafRiskFlags risk)
    {
        var krd = assertion.Krd;
        return new NewUafRegistration(
            krd.Aaid, keyId, krd.PublicKey, krd.SignatureAlgorithm, krd.PublicKeyEncoding,
            krd.SignCounter, krd.RegCounter, krd.AuthenticatorVersion, assertion.AttestationType,
            assertion.Certificates.Count == 0 ? null : SHA256.HashData(assertion.Certificates[0]),
            wire.TcDisplayPngCharacteristics, risk);
    }
}
