namespace FigiAuth.Server.Confirmations;

/// <summary>
/// A WebAuthn challenge bound to one confirmation: SHA-256(DisplayTextHash ‖ 32-byte server nonce). The nonce
/// stays on the server; show <see cref="DisplayText"/> on the page and put <see cref="Challenge"/> in the
/// assertion options.
/// </summary>
public sealed record PasskeyTransactionChallenge(string ConfirmationId, byte[] Challenge, string DisplayText, DateTimeOffset ExpiresAt);
