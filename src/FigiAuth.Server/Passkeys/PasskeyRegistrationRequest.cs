namespace FigiAuth.Server.Passkeys;

/// <summary>POST /passkeys/v1/register/options: Username only for sign-up (not signed in); Name labels the passkey.</summary>
public sealed record PasskeyRegistrationRequest(string? Username = null, string? Name = null);
