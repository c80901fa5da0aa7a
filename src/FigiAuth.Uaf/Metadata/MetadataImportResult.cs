namespace FigiAuth.Uaf.Metadata;

/// <summary>
/// The outcome of a BLOB import: <see cref="Failure"/> is set when the BLOB was refused (the last
/// good one stays in use); <see cref="Warnings"/> lists accepted-but-notable facts (e.g. expired).
/// </summary>
public sealed record MetadataImportResult(UafFailure? Failure, IReadOnlyList<string> Warnings)
{
    public bool Imported => Failure is null;
}
