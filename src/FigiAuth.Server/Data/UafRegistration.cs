namespace FigiAuth.Server.Data;

/// <summary>A UAF authenticator key registered for a user. Unique per (AppId, Aaid, KeyId).</summary>
public sealed class UafRegistration
{
    public Guid Id { get; set; }

    public Guid UserId { get; set; }

    public required string AppId { get; set; }

    public required string Aaid { get; set; }

    /// <summary>The KeyID, base64url without padding.</summary>
    public required string KeyId { get; set; }

    public required byte[] PublicKey { get; set; }

    public ushort SignatureAlgorithm { get; set; }

    public ushort PublicKeyEncoding { get; set; }

    public long SignCounter { get; set; }

    public long RegCounter { get; set; }

    public int AuthenticatorVersion { get; set; }

    public ushort AttestationType { get; set; }

    public byte[]? AttestationCertificateSha256 { get; set; }

    /// <summary>The authenticator's tcDisplayPNGCharacteristics as JSON, if it displays PNGs.</summary>
    public string? TcDisplayPngCharacteristics { get; set; }

    public UafRegistrationStatus Status { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? LastUsedAt { get; set; }

    public string? Name { get; set; }
}
