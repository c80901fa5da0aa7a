namespace FigiAuth.Client.Authenticators;

public sealed class SoftwareAuthenticatorOptions
{
    /// <summary>Simulated user verification; every registration and signature asks for the PIN.</summary>
    public required PinUserVerifier UserVerifier { get; init; }

    /// <summary>
    /// Shows a transaction and returns the user's yes/no. Without it the authenticator refuses
    /// transactions (INVALID_TRANSACTION_CONTENT).
    /// </summary>
    public Func<TransactionPrompt, CancellationToken, ValueTask<bool>>? ConfirmTransaction { get; init; }

    /// <summary>The attestation key and chain; required by basic-full profiles.</summary>
    public AttestationSigner? Attestation { get; init; }

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
