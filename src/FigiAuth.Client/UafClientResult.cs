using FigiAuth.Uaf.Messages;

namespace FigiAuth.Client;

/// <summary>The server's answer and which authenticator key answered.</summary>
public sealed record UafClientResult(ServerResponse Response, string Aaid, string KeyId)
{
    /// <summary>The OAuth 2 access token from <c>additionalTokens</c>, when the server issued one.</summary>
    public string? AccessToken => Token(UafTokenTypes.OAuth2);

    /// <summary>The signed confirmation receipt (JWS) from <c>additionalTokens</c>, after a confirmed transaction.</summary>
    public string? Receipt => Token(UafTokenTypes.Jwt);

    public string? Token(string type) => Response.AdditionalTokens?.FirstOrDefault(t => t.Type == type)?.Value;
}
