namespace FigiAuth.Server.Data;

/// <summary>One row of the hash-chained audit log: Hash = SHA-256(PrevHash || canonical bytes). Seq is unique and gapless.</summary>
public sealed class AuditEvent
{
    public long Id { get; set; }

    public long Seq { get; set; }

    public DateTimeOffset At { get; set; }

    public required string Type { get; set; }

    public Guid? UserId { get; set; }

    public string? Subject { get; set; }

    public string? StepId { get; set; }

    public int? StatusCode { get; set; }

    public required string DetailJson { get; set; }

    public required byte[] PrevHash { get; set; }

    public required byte[] Hash { get; set; }
}
