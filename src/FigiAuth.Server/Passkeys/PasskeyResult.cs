namespace FigiAuth.Server.Passkeys;

/// <summary>The body of a successful register/complete or login/complete.</summary>
public sealed record PasskeyResult(string Status, string Username, string CredentialId);
