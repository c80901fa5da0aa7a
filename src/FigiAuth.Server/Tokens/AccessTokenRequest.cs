namespace FigiAuth.Server.Tokens;

/// <summary>
/// What an access token says. Amr: e.g. ["uaf"], ["hwk", "user"]; Acr: e.g. "urn:figiauth:acr:uaf".
/// Audience and Lifetime default to FigiAuth:Tokens. Acr and amr values: docs/acr-amr.md. Scopes become the
/// space-separated "scope" claim and ClientId the "client_id" claim (RFC 9068), e.g. for a DFS back end's
/// client-credentials token. ConfirmationId: the transaction confirmed with this authentication (claim
/// "confirmation_id", docs/acr-amr.md).
/// </summary>
public sealed record AccessTokenRequest(
    string Subject,
    IReadOnlyList<string> Amr,
    string? Acr = null,
    IReadOnlyList<string>? Roles = null,
    string? Audience = null,
    TimeSpan? Lifetime = null,
    IReadOnlyList<string>? Scopes = null,
    string? ClientId = null,
    string? ConfirmationId = null);
