namespace FigiAuth.Server.Passkeys;

/// <summary>A WebAuthn credential (passkey) registered for a user. CredentialId is globally unique (SECURITY.md D7).</summary>
public sealed class PasskeyCredential
{
    public Guid Id { get; set; }

    public Guid UserId { get; set; }

    /// <summary>The raw credential ID (at most 1023 bytes).</summary>
    public required byte[] CredentialId { get; set; }

    /// <summary>The COSE public key as the authenticator sent it.</summary>
    public required byte[] PublicKey { get; set; }

    public long SignCount { get; set; }

    public Guid Aaguid { get; set; }

    /// <summary>Transports reported at registration, comma-separated (usb,nfc,ble,internal,hybrid).</summary>
    public string? Transports { get; set; }

    public bool IsBackupEligible { get; set; }

    public bool IsBackedUp { get; set; }

    public string? AttestationFormat { get; set; }

    public string? Name { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? LastUsedAt { get; set; }

    public PasskeyCredentialStatus Status { get; set; }
}
