namespace FigiAuth.Server.Confirmations;

/// <summary>A verified passkey transaction challenge: pass <see cref="DisplayTextHash"/> to CompleteAsync.
/// <see cref="CeremonyState"/> is what the caller stored with the challenge (e.g. the WebAuthn options sent).</summary>
public sealed record PasskeyBinding(string ConfirmationId, byte[] DisplayTextHash, string? CeremonyState = null);
