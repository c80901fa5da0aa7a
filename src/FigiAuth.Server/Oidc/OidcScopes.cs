namespace FigiAuth.Server.Oidc;

public static class OidcScopes
{
    /// <summary>The API scope; its resource (audience) is FigiAuth:Tokens:Audience.</summary>
    public const string Api = "figiauth";

    /// <summary>DFS back ends' confirmations API (policy confirmations:write); its resource is FigiAuth:Tokens:Audience too.</summary>
    public const string Confirmations = FigiAuth.Server.Confirmations.ConfirmationPolicies.Scope;
}
