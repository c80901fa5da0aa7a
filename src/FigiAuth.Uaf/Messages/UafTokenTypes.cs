namespace FigiAuth.Uaf.Messages;

/// <summary>TokenType values of the transport binding.</summary>
public static class UafTokenTypes
{
    public const string HttpCookie = "HTTP_COOKIE";
    public const string OAuth = "OAUTH";
    public const string OAuth2 = "OAUTH2";
    public const string Saml11 = "SAML1_1";
    public const string Saml2 = "SAML2";
    public const string Jwt = "JWT";
    public const string OpenIdConnect = "OPENID_CONNECT";
}
