using System.Buffers;
using System.Net;

namespace FigiAuth.LoadTest.Lean;

/// <summary>
/// One lean authentication at a time over one keep-alive connection, with the buffers it reuses: /get, the
/// AuthenticationResponse built here (no UafClient, no SoftwareAuthenticator), /respond.
/// </summary>
internal sealed class LeanSession(IPEndPoint server, PostRequestHead respondHead, string facetId) : IDisposable
{
    readonly KeepAliveHttpConnection connection = new(server);
    readonly ArrayBufferWriter<byte> uafRequest = new(4096);
    readonly ArrayBufferWriter<byte> respondRequest = new(4096);
    readonly AuthenticationResponseWriter responseWriter = new();

    /// <summary>One complete authentication of <paramref name="user"/>; null when it succeeded, else what went wrong.</summary>
    public async ValueTask<string?> AuthenticateAsync(LeanCredential user, CancellationToken ct)
    {
        var returned = await connection.SendAsync(user.GetRequest, ct);
        WriteRespondRequest(returned.Span, user);
        var answer = await connection.SendAsync(respondRequest.WrittenMemory, ct);
        return UafAnswerReader.AuthenticationOutcome(answer.Span);
    }

    void WriteRespondRequest(ReadOnlySpan<byte> returnUafRequest, LeanCredential user)
    {
        var request = UafAnswerReader.ReadAuthenticationRequest(returnUafRequest, uafRequest);
        // UAF Application API §3.1 step 1: an empty AppID stands for the caller's FacetID. A non-empty one is the
        // server's own origin here, which a web facet of that host may use without fetching the TrustedFacetList.
        var appId = string.IsNullOrEmpty(request.AppId) ? facetId : request.AppId;
        var fcParams = AuthenticationResponseWriter.FinalChallengeParams(appId, request.Challenge, facetId);
        var assertion = user.SignNext(fcParams);
        respondHead.WriteRequest(respondRequest, responseWriter.Write(request.Header, fcParams, assertion, user.ContextJson));
    }

    public void Dispose() => connection.Dispose();
}
