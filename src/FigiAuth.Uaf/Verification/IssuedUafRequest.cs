using FigiAuth.Uaf.Messages;

namespace FigiAuth.Uaf.Verification;

/// <summary>
/// What the server stored when it issued a request (UAF-REQ-01). The verifiers re-check
/// <see cref="Operation"/> and <see cref="ExpiresAt"/> even when the store filters on them.
/// </summary>
/// <param name="Challenge">The base64url challenge sent.</param>
/// <param name="Username">The user the request was for; null for a username-less authentication.</param>
/// <param name="AppId">The header appID as sent; empty when the request left it to the client (then AppID = FacetID).</param>
/// <param name="Transactions">Auth only: every transaction form sent, decoded (text bytes, PNG bytes).</param>
public sealed record IssuedUafRequest(
    string Challenge,
    UafOperation Operation,
    string? Username,
    string AppId,
    UafPolicy Policy,
    DateTimeOffset ExpiresAt,
    IReadOnlyList<IssuedTransaction>? Transactions = null);
