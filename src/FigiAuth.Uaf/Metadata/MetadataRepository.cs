namespace FigiAuth.Uaf.Metadata;

/// <summary>
/// The server's authoritative metadata: local statements plus the last good MDS3 BLOB.
/// A new BLOB replaces the current one only if it verifies and its <c>no</c> is greater (MDS-07);
/// otherwise the last good one stays and the result says why. A BLOB whose <c>nextUpdate</c> has
/// passed is still imported, with a warning (MDS-08): a late BLOB carries newer status reports
/// than none or an older one, and <c>no</c> already prevents roll-back. <see cref="IsStale"/>
/// tells the host to alert when no fresh BLOB arrives.
/// For an AAID present in both, the local statement wins but the BLOB's status reports are kept.
/// </summary>
public sealed class MetadataRepository : IMetadataStore
{
    private readonly Mds3BlobVerifier _verifier;
    private readonly TimeProvider _time;
    private readonly InMemoryMetadataStore _store = new();
    private readonly Lock _gate = new();
    private IReadOnlyList<MetadataEntry> _local;
    private Mds3Blob? _blob;

    public MetadataRepository(Mds3BlobVerifier verifier, TimeProvider timeProvider, IEnumerable<MetadataEntry>? localEntries = null)
    {
        _verifier = verifier ?? throw new ArgumentNullException(nameof(verifier));
        _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _local = [.. localEntries ?? []];
        Publish();
    }

    /// <summary>The last good BLOB, or null before the first successful import.</summary>
    public Mds3Blob? CurrentBlob => Volatile.Read(ref _blob);

    /// <summary>True when the current BLOB's nextUpdate has passed (or no BLOB was imported).</summary>
    public bool IsStale => CurrentBlob is not { } blob || blob.NextUpdate < Today();

    public IReadOnlyCollection<MetadataEntry> All => _store.All;

    public MetadataEntry? Find(string aaid) => _store.Find(aaid);

    /// <summary>Replaces the local statements (e.g. after <see cref="FolderMetadataLoader.Load"/>).</summary>
    public void SetLocalEntries(IEnumerable<MetadataEntry> entries)
    {
        lock (_gate)
        {
            _local = [.. entries];
            Publish();
        }
    }

    /// <summary>Imports a BLOB read from a file (offline import of a downloaded BLOB).</summary>
    public MetadataImportResult ImportBlobFile(string path)
    {
        string jws;
        try
        {
            jws = File.ReadAllText(path).Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new(new UafFailure(UafStatusCode.UnacceptableContent, "MDS-01", $"cannot read {path}: {e.Message}"), []);
        }
        return ImportBlob(jws);
    }

    public MetadataImportResult ImportBlob(string jws)
    {
        var verified = _verifier.Verify(jws);
        if (!verified.Succeeded)
            return new(verified.Failure, []);
        var blob = verified.Value;
        lock (_gate)
        {
            if (_blob is { } current && blob.No <= current.No)
                return new(new UafFailure(UafStatusCode.UnacceptableContent, "MDS-07",
                    $"BLOB no {blob.No} is not greater than the current {current.No}; kept the current BLOB"), []);
            var warnings = new List<string>();
            if (blob.NextUpdate < Today())
                warnings.Add($"MDS-08: BLOB no {blob.No} is past its nextUpdate {blob.NextUpdate:yyyy-MM-dd}");
            warnings.AddRange(blob.Entries.Where(e => e.StatementError is not null)
                .Select(e => $"MDS-06: entry {e.Aaid} skipped: {e.StatementError}"));
            Volatile.Write(ref _blob, blob);
            Publish();
            return new(null, warnings);
        }
    }

    private void Publish()
    {
        var merged = new Dictionary<string, MetadataEntry>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in _blob?.UafEntries ?? [])
            merged[entry.Statement.Aaid] = entry;
        foreach (var local in _local)
        {
            merged[local.Statement.Aaid] = merged.TryGetValue(local.Statement.Aaid, out var fromBlob)
                ? local with { StatusReports = fromBlob.StatusReports }
                : local;
        }
        _store.Replace(merged.Values);
    }

    private DateOnly Today() => DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime);
}
