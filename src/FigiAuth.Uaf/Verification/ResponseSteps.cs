using FigiAuth.Uaf.Encoding;
using FigiAuth.Uaf.Facets;
using FigiAuth.Uaf.Messages;

namespace FigiAuth.Uaf.Verification;

/// <summary>
/// Steps 03-08 of UAF.md §8.2, shared by registration (REG-xx) and authentication (AUTH-xx); the
/// step IDs come from <see cref="MessageSteps"/>. 01/02 are <see cref="UafMessageReader"/>.
/// </summary>
internal static class ResponseSteps
{
    public static async ValueTask<UafResult<CeremonyCheck>> CheckCeremonyAsync(
        OperationHeader header, byte[] fcParamsJson, MessageSteps steps, UafVerificationContext ctx, CancellationToken ct)
    {
        var now = ctx.TimeProvider.GetUtcNow();
        ServerDataClaims? claims = null;
        if (ctx.ServerDataProtector is { } protector)
        {
            var unprotected = protector.Unprotect(header.ServerData, steps.Operation, now, steps.ServerData);
            if (!unprotected.Succeeded)
                return unprotected.Failure;
            claims = unprotected.Value;
        }
        var fcp = UafMessageReader.ReadFinalChallengeParams(fcParamsJson, steps.FinalChallengeParams);
        var issued = await ctx.Ceremonies.TryConsumeAsync(fcp.Challenge, steps.Operation, ct).ConfigureAwait(false);
        var failure = CheckChallengeWasIssued(issued, fcp, steps, now);
        if (failure is not null)
            return failure;
        failure = CheckServerDataBindsCeremony(claims, issued!, steps)
            ?? CheckAppIdMatches(header, fcp, issued!, ctx.AppId, steps)
            ?? CheckFacetIdIsTrusted(fcp, ctx.TrustedFacetIds, steps)
            ?? CheckChannelBinding(fcp.ChannelBinding, ctx.ChannelBinding, steps);
        return failure ?? (UafResult<CeremonyCheck>)new CeremonyCheck(fcp, issued!);
    }

    // REG-05 / AUTH-05: issued by us, for this operation, unexpired, and (the store) consumed now. 1491.
    internal static UafFailure? CheckChallengeWasIssued(IssuedUafRequest? issued, FinalChallengeParams fcp, MessageSteps steps, DateTimeOffset now)
    {
        UafFailure Fail(string detail) => new(UafStatusCode.RequestInvalid, steps.Challenge, detail);
        if (issued is null)
            return Fail("challenge is unknown or already used");
        if (!FixedTime.Equal(issued.Challenge, fcp.Challenge))
            return Fail("ledger returned a record for another challenge");
        if (issued.Operation != steps.Operation)
            return Fail($"challenge was issued for {issued.Operation}");
        if (issued.ExpiresAt <= now)
            return Fail("challenge has expired");
        if (steps.Operation == UafOperation.Reg && string.IsNullOrEmpty(issued.Username))
            return Fail("registration challenge has no username");
        return null;
    }

    // REG-03 / AUTH-03, second half: a MAC'd serverData must name this challenge and this user. 1491.
    internal static UafFailure? CheckServerDataBindsCeremony(ServerDataClaims? claims, IssuedUafRequest issued, MessageSteps steps)
    {
        if (claims is null)
            return null;
        var bound = FixedTime.Equal(claims.Challenge, issued.Challenge)
            && string.Equals(claims.Username ?? "", issued.Username ?? "", StringComparison.Ordinal);
        return bound ? null : new UafFailure(UafStatusCode.RequestInvalid, steps.ServerData, "serverData was minted for another challenge or user");
    }

    // REG-06 / AUTH-06: the header appID is the one we sent (clients copy the header verbatim), and
    // fcParams.appID is it, or the FacetID when we sent none. 1498.
    internal static UafFailure? CheckAppIdMatches(OperationHeader header, FinalChallengeParams fcp, IssuedUafRequest issued, string appId, MessageSteps steps)
    {
        UafFailure Fail(string detail) => new(UafStatusCode.UnacceptableContent, steps.AppId, detail);
        if (issued.AppId.Length != 0 && !string.Equals(issued.AppId, appId, StringComparison.Ordinal))
            return Fail("challenge was issued for another AppID");
        if (!string.Equals(header.AppId ?? "", issued.AppId, StringComparison.Ordinal))
            return Fail("header.appID differs from the request's");
        var expected = issued.AppId.Length == 0 ? fcp.FacetId : issued.AppId;
        return string.Equals(fcp.AppId, expected, StringComparison.Ordinal)
            ? null
            : Fail("fcParams.appID is not our AppID");
    }

    // REG-07 / AUTH-07: fcParams.facetID is in the trusted facet list. 1498.
    internal static UafFailure? CheckFacetIdIsTrusted(FinalChallengeParams fcp, IReadOnlyCollection<string> trusted, MessageSteps steps) =>
        FacetIds.IsTrusted(fcp.FacetId, trusted)
            ? null
            : new UafFailure(UafStatusCode.UnacceptableContent, steps.FacetId, "fcParams.facetID is not trusted");

    // REG-08 / AUTH-08: when we know our TLS certificate, serverEndPoint and tlsServerCertificate, if
    // present, must name it. Missing members are normal ({} is the usual value); tlsUnique and
    // cid_pubkey are not checked (the host has no TLS Finished or Channel ID to compare). 1490.
    internal static UafFailure? CheckChannelBinding(ChannelBinding binding, UafChannelBindingExpectation? expected, MessageSteps steps)
    {
        if (expected is null)
            return null;
        if (binding.ServerEndPoint is { } endPoint && !Matches(endPoint, expected.ServerEndPoint))
            return new UafFailure(UafStatusCode.ChannelBindingRefused, steps.ChannelBinding, "serverEndPoint names another TLS certificate");
        if (binding.TlsServerCertificate is { } certificate && !Matches(certificate, expected.Certificate))
            return new UafFailure(UafStatusCode.ChannelBindingRefused, steps.ChannelBinding, "tlsServerCertificate is another TLS certificate");
        return null;
    }

    private static bool Matches(string base64Url, byte[] expected) =>
        StrictBase64Url.TryDecode(base64Url, out var bytes) && FixedTime.Equal(bytes, expected);
}
