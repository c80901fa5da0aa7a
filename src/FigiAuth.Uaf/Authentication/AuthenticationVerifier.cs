using FigiAuth.Uaf.Assertions;
using FigiAuth.Uaf.Crypto;
using FigiAuth.Uaf.Encoding;
using FigiAuth.Uaf.Messages;
using FigiAuth.Uaf.Metadata;
using FigiAuth.Uaf.Verification;

namespace FigiAuth.Uaf.Authentication;

/// <summary>
/// Verifies an AuthenticationResponse, transaction confirmation included (UAF.md §8.3, FIDO UAF
/// Protocol v1.1 "Authentication Response Processing Rules for the FIDO Server").
/// </summary>
public static class AuthenticationVerifier
{
    public static async Task<AuthenticationVerification> VerifyAsync(
        string uafResponse, AuthenticationVerificationContext ctx, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        var regressions = new List<CounterRegression>();
        try
        {
            return new(await VerifyResponseAsync(uafResponse, ctx, regressions, cancellationToken).ConfigureAwait(false), regressions);
        }
        catch (UafFormatException e)
        {
            return new(e.ToFailure(), regressions);
        }
    }

    private static async Task<UafResult<AuthenticationOutcome>> VerifyResponseAsync(
        string uafResponse, AuthenticationVerificationContext ctx, List<CounterRegression> regressions, CancellationToken ct)
    {
        // UAF-AUTH-01, UAF-AUTH-02
        var parsed = UafMessageReader.ReadAuthenticationResponse(uafResponse, ctx.ReaderOptions);
        var response = parsed.Message;
        // UAF-AUTH-03 .. UAF-AUTH-08
        var ceremony = await ResponseSteps.CheckCeremonyAsync(response.Header, parsed.FinalChallengeParamsJson, MessageSteps.Authentication, ctx, ct).ConfigureAwait(false);
        if (!ceremony.Succeeded)
            return ceremony.Failure;
        var issued = ceremony.Value.Issued;

        // UAF-AUTH-10 .. UAF-AUTH-19 per assertion; failing assertions are skipped.
        var verified = new List<VerifiedSignAssertion>();
        var used = new List<(MetadataStatement, string)>();
        UafFailure? firstFailure = null;
        StoredUafRegistration? user = null;
        foreach (var bytes in parsed.Assertions)
        {
            var result = await VerifyAssertionAsync(bytes, response.FcParams, issued, ctx, regressions, ct).ConfigureAwait(false);
            var failure = result.Succeeded ? CheckSameUser(user, result.Value.Registration) : result.Failure;
            if (failure is not null)
            {
                firstFailure ??= failure;
                continue;
            }
            user ??= result.Value.Registration;
            verified.Add(result.Value.Assertion);
            used.Add((result.Value.Statement, result.Value.Assertion.KeyId));
        }
        if (user is null)
            return firstFailure!;
        var setFailure = AssertionSteps.CheckAcceptedSetSatisfied(issued.Policy, used, UafSteps.Auth13);
        return setFailure ?? (UafResult<AuthenticationOutcome>)new AuthenticationOutcome(user.UserId, user.Username, response.FcParams, verified);
    }

    private static async ValueTask<UafResult<(VerifiedSignAssertion Assertion, StoredUafRegistration Registration, MetadataStatement Statement)>> VerifyAssertionAsync(
        byte[] bytes, string fcParams, IssuedUafRequest issued, AuthenticationVerificationContext ctx,
        List<CounterRegression> regressions, CancellationToken ct)
    {
        try
        {
            var assertion = AuthenticationAssertionReader.Read(bytes); // UAF-AUTH-10, UAF-AUTH-11
            var signed = assertion.SignedData;
            var keyId = StrictBase64Url.Encode(signed.KeyId);
            var registration = await ctx.Registrations.FindAsync(signed.Aaid, keyId, ct).ConfigureAwait(false);
            var failure = CheckRegistrationExists(registration, signed.Aaid, issued.Username)
                ?? CheckRegistrationIsActive(registration!);
            if (failure is not null)
                return failure;
            var entry = ctx.Metadata.Find(signed.Aaid);
            failure = AssertionSteps.CheckAaidHasMetadata(entry, signed.Aaid, UafSteps.Auth13);
            if (failure is not null)
                return failure;
            var statement = entry!.Statement;
            var transaction = CheckModeAndTransactionContent(signed, issued.Transactions, statement);
            failure = AssertionSteps.CheckMetadataStatusAcceptable(
                    entry, forRegistration: false, signed.AuthenticatorVersion, attestationPath: null, UafSteps.Auth13)
                ?? AssertionSteps.CheckPolicyAllows(issued.Policy, statement, keyId, UafSteps.Auth13)
                ?? CheckAlgorithmIsTheRegisteredOne(signed, registration!)
                ?? transaction.Failure
                ?? AssertionSteps.CheckFinalChallengeHash(signed.FinalChallengeHash, fcParams, statement, UafSteps.Auth17)
                ?? CheckSignature(signed, assertion.Signature, registration!, ctx.KeyCache)
                ?? CheckCounterGrew(signed, registration!, regressions);
            if (failure is not null)
                return failure;
            var risk = AssertionSteps.CheckAuthenticatorVersion(signed.AuthenticatorVersion, statement); // UAF-AUTH-15
            // UAF-AUTH-20: the host persists SignCounter only now that every check passed.
            var confirmed = transaction.Value;
            var result = new VerifiedSignAssertion(
                signed.Aaid, keyId, signed.SignCounter, signed.AuthenticationMode,
                confirmed?.ContentType, confirmed is null ? null : signed.TransactionContentHash, bytes, risk)
            {
                TransactionContent = confirmed?.Content,
            };
            return (result, registration!, statement);
        }
        catch (UafFormatException e)
        {
            return e.ToFailure();
        }
    }

    // UAF-AUTH-12: a registration for (AAID, KeyID) exists, its AAID is the signed one, and it belongs to
    // the user the request named (if it named one). 1481 in every case: to the client, a key that is
    // not registered for this user is an unknown KeyID (UAF.md §3.1).
    internal static UafFailure? CheckRegistrationExists(StoredUafRegistration? registration, string aaid, string? username)
    {
        if (registration is null)
            return new(UafStatusCode.UnknownKeyId, UafSteps.Auth12, "no registration for this (AAID, KeyID)");
        if (!string.Equals(registration.Aaid, aaid, StringComparison.OrdinalIgnoreCase))
            return new(UafStatusCode.UnknownKeyId, UafSteps.Auth12, "the registration has another AAID");
        if (username is not null && !string.Equals(registration.Username, username, StringComparison.Ordinal))
            return new(UafStatusCode.UnknownKeyId, UafSteps.Auth12, "the key is registered to another user");
        return null;
    }

    // UAF-AUTH-12: a revoked registration is gone (1481); a suspect one (counter regression seen) is
    // refused until an administrator clears it (1403).
    internal static UafFailure? CheckRegistrationIsActive(StoredUafRegistration registration) => registration.Status switch
    {
        UafRegistrationStatus.Active => null,
        UafRegistrationStatus.Suspect => new(UafStatusCode.Forbidden, UafSteps.Auth12, "registration is suspect (counter regression)"),
        _ => new(UafStatusCode.UnknownKeyId, UafSteps.Auth12, "registration is revoked"),
    };

    // UAF-AUTH-12 for the whole response: every accepted assertion authenticates the same user. 1481.
    internal static UafFailure? CheckSameUser(StoredUafRegistration? first, StoredUafRegistration current) =>
        first is null || string.Equals(first.UserId, current.UserId, StringComparison.Ordinal)
            ? null
            : new UafFailure(UafStatusCode.UnknownKeyId, UafSteps.Auth12, "assertions belong to different users");

    // UAF-AUTH-14: SignatureAlgAndEncoding is the one recorded at registration. 1498.
    internal static UafFailure? CheckAlgorithmIsTheRegisteredOne(SignedData signed, StoredUafRegistration registration) =>
        signed.SignatureAlgorithm == registration.SignatureAlgorithm
            ? null
            : new UafFailure(UafStatusCode.UnacceptableContent, UafSteps.Auth14, "algorithm differs from the registered one");

    /// <summary>
    /// UAF-AUTH-16: with a transaction, mode 0x02 and a content hash of H's length equal to
    /// H(decoded content) of one issued form (fixed-time, every form compared); without one, mode 0x01
    /// and an empty hash. Any other mode rejects. 1498. Returns the confirmed form.
    /// </summary>
    internal static UafResult<IssuedTransaction?> CheckModeAndTransactionContent(
        SignedData signed, IReadOnlyList<IssuedTransaction>? transactions, MetadataStatement statement)
    {
        UafFailure Fail(string detail) => new(UafStatusCode.UnacceptableContent, UafSteps.Auth16, detail);
        if (transactions is not { Count: > 0 })
        {
            if (signed.AuthenticationMode != 0x01)
                return Fail($"mode 0x{signed.AuthenticationMode:X2} without a transaction");
            return signed.TransactionContentHash.Length == 0 ? (IssuedTransaction?)null : Fail("content hash without a transaction");
        }
        if (signed.AuthenticationMode != 0x02)
            return Fail($"mode 0x{signed.AuthenticationMode:X2} for a transaction confirmation");
        var hash = AssertionSteps.HashOf(statement, UafSteps.Auth16);
        if (!hash.Succeeded)
            return hash.Failure;
        if (signed.TransactionContentHash.Length != UafHash.Length(hash.Value))
            return Fail("content hash has the wrong length");
        IssuedTransaction? confirmed = null;
        foreach (var transaction in transactions)
        {
            var expected = UafHash.Compute(hash.Value, transaction.Content);
            if (FixedTime.Equal(signed.TransactionContentHash, expected))
                confirmed ??= transaction;
        }
        return confirmed is null ? Fail("content hash matches no transaction sent") : confirmed;
    }

    // UAF-AUTH-18: the signature over the whole SignedData element verifies with the stored UAuth.pub. 1498.
    internal static UafFailure? CheckSignature(SignedData signed, byte[] signature, StoredUafRegistration registration, UafPublicKeyCache cache)
    {
        var verified = cache.Verify(registration, signed.Raw, signature, UafSteps.Auth18);
        if (!verified.Succeeded)
            return verified.Failure;
        return verified.Value ? null : new UafFailure(UafStatusCode.UnacceptableContent, UafSteps.Auth18, "signature does not verify with the registered key");
    }

    /// <summary>
    /// UAF-AUTH-19: accept r == 0 with s == 0 (no counter), or r &gt; s. Anything else may be a clone:
    /// reject, and report the regression so the host marks the registration suspect. 1498.
    /// </summary>
    internal static UafFailure? CheckCounterGrew(SignedData signed, StoredUafRegistration registration, List<CounterRegression> regressions)
    {
        uint r = signed.SignCounter, s = registration.SignCounter;
        if ((r == 0 && s == 0) || r > s)
            return null;
        regressions.Add(new CounterRegression(registration.UserId, registration.Aaid, registration.KeyId, s, r));
        return new UafFailure(UafStatusCode.UnacceptableContent, UafSteps.Auth19, $"counter regression: received {r}, stored {s}");
    }
}
