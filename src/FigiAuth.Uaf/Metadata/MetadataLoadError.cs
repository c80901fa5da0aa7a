namespace FigiAuth.Uaf.Metadata;

/// <summary>A metadata file (or one statement in it) that was skipped, and why.</summary>
public sealed record MetadataLoadError(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}
