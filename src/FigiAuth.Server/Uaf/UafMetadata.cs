using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using FigiAuth.Server.Hosting;
using FigiAuth.Uaf.Metadata;
using Microsoft.Extensions.Options;

namespace FigiAuth.Server.Uaf;

/// <summary>
/// The trusted metadata (the <see cref="IMetadataStore"/> singleton): the statements of FigiAuth:Uaf:MetadataPath
/// (Development default: <c>metadata/dev</c> next to the server, a copy of samples/attestation/metadata), the optional
/// MDS3 BLOB of FigiAuth:Uaf:MdsBlobPath verified against FigiAuth:Uaf:MdsRootCertificatePath, and the statements
/// an administrator adds or removes at run time (kept in memory: a restart reloads the folder).
/// </summary>
internal sealed partial class UafMetadata : IMetadataStore
{
    readonly Lock gate = new();
    readonly List<MetadataEntry> local;

    public UafMetadata(IOptions<FigiAuthOptions> options, IHostEnvironment environment, TimeProvider time, ILogger<UafMetadata> logger)
    {
        var o = options.Value.Uaf;
        HasMdsRoot = o.MdsRootCertificatePath is { Length: > 0 };
        Repository = new MetadataRepository(new Mds3BlobVerifier(VerifierOptions(o.MdsRootCertificatePath), time), time);
        Folder = o.MetadataPath ?? (environment.IsDevelopment() ? DevelopmentFolder(environment.ContentRootPath) : null);
        local = [];
        if (Folder is not null)
        {
            var loaded = FolderMetadataLoader.Load(Folder);
            local.AddRange(loaded.Entries);
            foreach (var error in loaded.Errors)
            {
                FileSkipped(logger, error.Path, error.Message);
            }
        }

        Repository.SetLocalEntries(local);
        Loaded(logger, local.Count, Folder ?? "(none)");
        if (o.MdsBlobPath is { Length: > 0 } blob)
        {
            var result = Repository.ImportBlobFile(blob);
            if (result.Failure is { } failure)
            {
                BlobRejected(logger, failure.StepId, failure.Detail);
            }
        }
    }

    public MetadataRepository Repository { get; }

    public string? Folder { get; }

    /// <summary>False when no MDS root is configured: every BLOB import is then refused.</summary>
    public bool HasMdsRoot { get; }

    public IReadOnlyCollection<MetadataEntry> All => Repository.All;

    public MetadataEntry? Find(string aaid) => Repository.Find(aaid);

    /// <summary>Adds or replaces a local statement; returns true when it replaced one.</summary>
    public bool AddOrReplace(MetadataStatement statement)
    {
        lock (gate)
        {
            var removed = local.RemoveAll(e => string.Equals(e.Statement.Aaid, statement.Aaid, StringComparison.OrdinalIgnoreCase));
            local.Add(new MetadataEntry(statement));
            Repository.SetLocalEntries(local);
            return removed > 0;
        }
    }

    /// <summary>Removes a local statement; returns false when there was none.</summary>
    public bool Remove(string aaid)
    {
        lock (gate)
        {
            var removed = local.RemoveAll(e => string.Equals(e.Statement.Aaid, aaid, StringComparison.OrdinalIgnoreCase));
            if (removed > 0)
            {
                Repository.SetLocalEntries(local);
            }

            return removed > 0;
        }
    }

    /// <summary>Test and tooling hook: replaces every local entry (e.g. entries with status reports).</summary>
    public void ReplaceLocal(IEnumerable<MetadataEntry> entries)
    {
        lock (gate)
        {
            local.Clear();
            local.AddRange(entries);
            Repository.SetLocalEntries(local);
        }
    }

    /// <summary>
    /// <c>metadata/dev</c> next to the server's assembly (copied there by the build), else
    /// samples/attestation/metadata found by walking up from the content root.
    /// </summary>
    static string? DevelopmentFolder(string contentRoot)
    {
        var copied = Path.Combine(AppContext.BaseDirectory, "metadata", "dev");
        if (Directory.Exists(copied))
        {
            return copied;
        }

        for (var dir = new DirectoryInfo(contentRoot); dir is not null; dir = dir.Parent)
        {
            var samples = Path.Combine(dir.FullName, "samples", "attestation", "metadata");
            if (Directory.Exists(samples))
            {
                return samples;
            }
        }

        return null;
    }

    static Mds3BlobVerifierOptions VerifierOptions(string? rootPath)
    {
        var verifier = new Mds3BlobVerifierOptions();
        if (rootPath is { Length: > 0 })
        {
            verifier.RootCertificates.Add(X509CertificateLoader.LoadCertificateFromFile(rootPath).RawData);
        }
        else
        {
            // No MDS root configured: a throwaway root whose key is discarded, so no BLOB can ever verify.
            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var request = new CertificateRequest("CN=FigiAuth no MDS root configured", key, HashAlgorithmName.SHA256);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddYears(1));
            verifier.RootCertificates.Add(certificate.RawData);
        }

        return verifier;
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "UAF metadata: {Count} statements from {Folder}")]
    static partial void Loaded(ILogger logger, int count, string folder);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "UAF metadata file {Path} skipped: {Reason}")]
    static partial void FileSkipped(ILogger logger, string path, string reason);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Warning, Message = "MDS3 BLOB refused at {StepId}: {Reason}")]
    static partial void BlobRejected(ILogger logger, string stepId, string reason);
}
