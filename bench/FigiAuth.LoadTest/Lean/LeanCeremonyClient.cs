using System.Collections.Concurrent;
using System.Net;

namespace FigiAuth.LoadTest.Lean;

/// <summary>
/// Authentications without the SDK: a pool of <see cref="LeanSession"/>s, each one keep-alive connection. A ceremony
/// takes an idle session or opens one, so the closed loop settles on one connection per worker and the open loop on
/// as many as it has ceremonies in flight.
/// </summary>
internal sealed class LeanCeremonyClient(Uri serverUrl) : ICeremonyClient, IDisposable
{
    readonly ConcurrentQueue<LeanSession> idle = new();
    readonly ConcurrentBag<LeanSession> all = [];
    readonly IPEndPoint endpoint = new(IPAddress.Parse(serverUrl.Host), serverUrl.Port);
    readonly PostRequestHead respondHead = new("/uaf/v1/respond", serverUrl.Authority);
    // The FacetID of a web client is its origin; the SDK path uses the same one.
    readonly string facetId = serverUrl.GetLeftPart(UriPartial.Authority);

    /// <summary>The head of every /get request to this server (each user's body is constant: see <see cref="LeanCredential"/>).</summary>
    public static PostRequestHead GetHead(Uri serverUrl) => new("/uaf/v1/get", serverUrl.Authority);

    public async ValueTask<string?> AuthenticateAsync(Phone phone, CancellationToken ct)
    {
        if (!idle.TryDequeue(out var session))
        {
            session = new LeanSession(endpoint, respondHead, facetId);
            all.Add(session);
        }

        try
        {
            return await session.AuthenticateAsync(phone.Credential, ct);
        }
        finally
        {
            idle.Enqueue(session);
        }
    }

    public void Dispose()
    {
        foreach (var session in all)
        {
            session.Dispose();
        }
    }
}
