namespace FigiAuth.Server.Passkeys;

/// <summary>POST /passkeys/v1/login/options: without Username, discoverable credentials (username-less, conditional UI).</summary>
public sealed record PasskeyLoginRequest(string? Username = null);
