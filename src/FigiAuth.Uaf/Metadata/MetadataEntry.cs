namespace FigiAuth.Uaf.Metadata;

/// <summary>
/// What the server knows of one authenticator model: its statement and, when it came from an MDS3
/// BLOB, its status reports (latest last). Local statements have no reports.
/// </summary>
public sealed record MetadataEntry(MetadataStatement Statement, IReadOnlyList<StatusReport> StatusReports)
{
    public MetadataEntry(MetadataStatement statement) : this(statement, []) { }

    /// <summary>The latest status report, or null when there is none.</summary>
    public StatusReport? CurrentStatus => StatusReports.Count == 0 ? null : StatusReports[^1];
}
