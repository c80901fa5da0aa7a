using System.Text.Json;

namespace FigiAuth.Uaf.Metadata;

/// <summary>
/// One entry of an MDS3 BLOB, whatever its protocol family. UAF entries (with an AAID) carry the
/// parsed <see cref="Statement"/>; FIDO2/U2F entries keep only <see cref="RawStatement"/> for the
/// passkey side.
/// </summary>
public sealed record Mds3BlobEntry
{
    public string? Aaid { get; init; }
    public string? Aaguid { get; init; }
    public IReadOnlyList<string> AttestationCertificateKeyIdentifiers { get; init; } = [];
    /// <summary>The UAF statement, or null for non-UAF entries and for UAF statements that did not parse.</summary>
    public MetadataStatement? Statement { get; init; }
    /// <summary>Why a UAF entry's statement was not usable, when it was not.</summary>
    public string? StatementError { get; init; }
    /// <summary>The embedded <c>metadataStatement</c> as received (a cloned element), if any.</summary>
    public JsonElement? RawStatement { get; init; }
    /// <summary>Known status reports, oldest first; unknown statuses are dropped.</summary>
    public IReadOnlyList<StatusReport> StatusReports { get; init; } = [];
    public DateOnly? TimeOfLastStatusChange { get; init; }
}
