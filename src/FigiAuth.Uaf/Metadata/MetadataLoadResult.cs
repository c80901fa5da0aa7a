namespace FigiAuth.Uaf.Metadata;

/// <summary>What a folder load produced: the usable entries and the files that were skipped.</summary>
public sealed record MetadataLoadResult(IReadOnlyList<MetadataEntry> Entries, IReadOnlyList<MetadataLoadError> Errors);
