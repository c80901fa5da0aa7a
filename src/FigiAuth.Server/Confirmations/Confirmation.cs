namespace FigiAuth.Server.Confirmations;

/// <summary>
/// A DFS transaction a back end asked the user to confirm (DESIGN.md "Transaction confirmation", decoupled).
/// The display text is built by the server from amount, currency and payee; its SHA-256 is what an answer must
/// match. State changes only by one conditional update from <see cref="ConfirmationStatus.Pending"/> (SECURITY.md D1).
/// </summary>
public sealed class Confirmation
{
    /// <summary>The <see cref="ClientId"/> of an in-band UAF transaction (requested by the user themself).</summary>
    public const string InBandClientId = "in-band";

    /// <summary>32 random bytes, base64url without padding.</summary>
    public required string Id { get; set; }

    public Guid UserId { get; set; }

    /// <summary>The client (DFS back end) that asked; only it can read, cancel and fetch the receipt.
    /// <see cref="InBandClientId"/> for a transaction the user's own app asked for over UAF.</summary>
    public required string ClientId { get; set; }

    /// <summary>The amount in minor units of <see cref="Currency"/> (1500.00 KES = 150000); null for an in-band
    /// UAF transaction, whose text is all the server knows.</summary>
    public long? AmountMinor { get; set; }

    /// <summary>ISO 4217 minor-unit exponent of the currency when the confirmation was created.</summary>
    public int? CurrencyExponent { get; set; }

    /// <summary>ISO 4217 alphabetic code; null when unknown (in-band).</summary>
    public string? Currency { get; set; }

    /// <summary>Null when unknown (in-band).</summary>
    public string? PayeeName { get; set; }

    /// <summary>Optional account number or phone (MSISDN) of the payee.</summary>
    public string? PayeeAccount { get; set; }

    /// <summary>Exactly what the authenticator shows (UAF text/plain, at most 200 characters).</summary>
    public required string DisplayText { get; set; }

    /// <summary>SHA-256 of the UTF-8 bytes of <see cref="DisplayText"/>.</summary>
    public required byte[] DisplayTextHash { get; set; }

    /// <summary>The form the authenticator displayed and signed: "text/plain" or "image/png" (set on confirmation).</summary>
    public string? DisplayedContentType { get; set; }

    /// <summary>SHA-256 of exactly the bytes displayed: the UTF-8 text, or the PNG file rendered from it.</summary>
    public byte[]? DisplayedHash { get; set; }

    public ConfirmationStatus Status { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? AnsweredAt { get; set; }

    public string? CallbackUrl { get; set; }

    /// <summary>When the next callback attempt is due; null when none is (not due yet, delivered or given up).</summary>
    public DateTimeOffset? CallbackDueAt { get; set; }

    public int CallbackAttempts { get; set; }

    public DateTimeOffset? CallbackDeliveredAt { get; set; }

    public ConfirmationMethod? Method { get; set; }

    /// <summary>The AAID (UAF) or AAGUID (passkey) of the authenticator that confirmed.</summary>
    public string? Authenticator { get; set; }

    /// <summary>The signed assertion as received (UAF AuthenticatorSignAssertion or WebAuthn assertion), kept for disputes.</summary>
    public byte[]? SignedAssertion { get; set; }

    /// <summary>The receipt JWS issued on confirmation.</summary>
    public string? Receipt { get; set; }

    /// <summary>Concurrency token, incremented by every state change.</summary>
    public long Version { get; set; }
}
