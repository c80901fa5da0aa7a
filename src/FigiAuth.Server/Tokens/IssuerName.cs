namespace FigiAuth.Server.Tokens;

/// <summary>
/// The issuer string in every token and in OIDC discovery: FigiAuth:PublicOrigin as an absolute URI, which ends with
/// "/" (OpenIddict writes <c>Uri.AbsoluteUri</c>), so UAF access tokens, receipts and OIDC tokens compare equal.
/// </summary>
public static class IssuerName
{
    public static string Of(string publicOrigin) => new Uri(publicOrigin, UriKind.Absolute).AbsoluteUri;
}
