namespace FigiAuth.Uaf.Metadata;

/// <summary>The payload of a verified FIDO Metadata Service v3 BLOB (UAF.md §9.3).</summary>
public sealed record Mds3Blob(long No, DateOnly NextUpdate, string? LegalHeader, IReadOnlyList<Mds3BlobEntry> Entries)
{
    /// <summary>The UAF entries (AAID and a usable statement) as metadata entries with their status reports.</summary>
    public IReadOnlyList<MetadataEntry> UafEntries =>
        [.. Entries.Where(e => e.Statement is not null).Select(e => new MetadataEntry(e.Statement!, e.StatusReports))];
}
