namespace FigiAuth.Uaf.Metadata;

/// <summary>
/// Loads local metadata statements (the conformance tool's FFFF#FCxx files, vendor statements
/// not in MDS): every <c>*.json</c> file of a folder, each holding one statement or an array.
/// A bad file or a repeated AAID is reported and skipped; it never stops the load.
/// </summary>
public static class FolderMetadataLoader
{
    public static MetadataLoadResult Load(string folder)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        if (!Directory.Exists(folder))
            return new([], [new(folder, "metadata folder does not exist")]);

        var entries = new List<MetadataEntry>();
        var errors = new List<MetadataLoadError>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var path in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            IReadOnlyList<MetadataStatement> statements;
            try
            {
                statements = MetadataStatementReader.ReadAll(File.ReadAllText(path));
            }
            catch (Exception e) when (e is MetadataFormatException or IOException or UnauthorizedAccessException)
            {
                errors.Add(new(path, e.Message));
                continue;
            }
            foreach (var statement in statements)
            {
                if (seen.Add(statement.Aaid))
                    entries.Add(new MetadataEntry(statement));
                else
                    errors.Add(new(path, $"AAID {statement.Aaid} already loaded from another file; skipped"));
            }
        }
        return new(entries, errors);
    }

    /// <summary>Loads the folder and swaps the store's snapshot to its entries; returns the skipped files.</summary>
    public static IReadOnlyList<MetadataLoadError> LoadInto(string folder, InMemoryMetadataStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        var result = Load(folder);
        store.Replace(result.Entries);
        return result.Errors;
    }
}
