namespace FigiAuth.Server.Oidc;

public sealed record HighValueResponse(string Subject, string Acr);
