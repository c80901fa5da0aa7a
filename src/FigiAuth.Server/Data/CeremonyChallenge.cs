namespace FigiAuth.Server.Data;

/// <summary>One-time ceremony state (SECURITY.md D1): consumed by one conditional update, success or not.</summary>
public sealed class CeremonyChallenge
{
    public Guid Id { get; set; }

    /// <summary>32 random bytes, base64url without padding. Unique.</summary>
    public required string Challenge { get; set; }

    public CeremonyPurpose Purpose { get; set; }

    public Guid? UserId { get; set; }

    public string? Username { get; set; }

    public required string AppId { get; set; }

    /// <summary>What the ceremony needs when answered (transaction texts, policy), as JSON.</summary>
    public string? PayloadJson { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? ConsumedAt { get; set; }
}
