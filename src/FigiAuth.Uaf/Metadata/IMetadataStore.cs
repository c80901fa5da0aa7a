namespace FigiAuth.Uaf.Metadata;

/// <summary>Authoritative metadata, looked up by AAID (case-insensitive hex).</summary>
public interface IMetadataStore
{
    MetadataEntry? Find(string aaid);

    IReadOnlyCollection<MetadataEntry> All { get; }
}
