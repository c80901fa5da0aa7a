using System.Collections.Frozen;

namespace FigiAuth.Uaf.Metadata;

/// <summary>
/// A thread-safe <see cref="IMetadataStore"/>: readers see one immutable snapshot, and
/// <see cref="Replace"/> swaps the whole snapshot atomically. AAID lookups ignore hex case.
/// </summary>
public sealed class InMemoryMetadataStore : IMetadataStore
{
    private volatile FrozenDictionary<string, MetadataEntry> _entries = FrozenDictionary<string, MetadataEntry>.Empty;

    public InMemoryMetadataStore() { }

    public InMemoryMetadataStore(IEnumerable<MetadataEntry> entries) => Replace(entries);

    public IReadOnlyCollection<MetadataEntry> All => _entries.Values;

    public MetadataEntry? Find(string aaid) => _entries.GetValueOrDefault(aaid);

    /// <summary>Replaces every entry at once. Two entries with the same AAID are an error.</summary>
    public void Replace(IEnumerable<MetadataEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var map = new Dictionary<string, MetadataEntry>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in entries)
        {
            if (!map.TryAdd(entry.Statement.Aaid, entry))
                throw new ArgumentException($"duplicate metadata for AAID {entry.Statement.Aaid}", nameof(entries));
        }
        _entries = map.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }
}
