namespace FigiAuth.Server.Confirmations;

/// <summary>A verified passkey transaction challenge: pass <see cref="DisplayTextHash"/> to CompleteAsync.</summary>
public sealed record PasskeyBinding(string ConfirmationId, byte[] DisplayTextHash);
