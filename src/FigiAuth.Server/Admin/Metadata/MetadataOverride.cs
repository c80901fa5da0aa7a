namespace FigiAuth.Server.Admin.Metadata;

/// <summary>
/// One metadata change made through /admin/v1/metadata, kept so that it survives a restart: the latest state per AAID
/// (a statement or its removal) and the last imported MDS3 BLOB. Applied over FigiAuth:Uaf:MetadataPath and
/// MdsBlobPath at start (<see cref="MetadataOverrideLoader"/>).
/// </summary>
public sealed class MetadataOverride
{
    public const string BlobId = "mds3-blob";
    const string StatementPrefix = "statement:";

    /// <summary><c>statement:{AAID in upper case}</c>, or <see cref="BlobId"/>.</summary>
    public required string Id { get; set; }

    public MetadataOverrideKind Kind { get; set; }

    /// <summary>The statement JSON or the BLOB JWS; null for a removal.</summary>
    public string? Content { get; set; }

    public DateTimeOffset ChangedAt { get; set; }

    /// <summary>The administrator's subject.</summary>
    public string? ChangedBy { get; set; }

    public static string StatementId(string aaid) => StatementPrefix + aaid.ToUpperInvariant();

    /// <summary>The AAID of a statement or removal row.</summary>
    public string Aaid => Id[StatementPrefix.Length..];
}
