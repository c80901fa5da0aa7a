namespace FigiAuth.Uaf.Policy;

/// <summary>One registration of a user: the authenticator model and its base64url KeyID.</summary>
public sealed record RegisteredKey(string Aaid, string KeyId);
