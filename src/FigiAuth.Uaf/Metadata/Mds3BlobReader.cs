using System.Text.Json;

namespace FigiAuth.Uaf.Metadata;

/// <summary>
/// Reads the JSON payload of an MDS3 BLOB (after its signature was checked by
/// <see cref="Mds3BlobVerifier"/>). Throws <see cref="MetadataFormatException"/> for a malformed
/// payload; a single unusable UAF statement only marks its entry (<see cref="Mds3BlobEntry.StatementError"/>).
/// </summary>
public static class Mds3BlobReader
{
    public static Mds3Blob ReadPayload(string json)
    {
        using var doc = MetadataJson.Parse(json);
        var root = MetadataJson.RequireObject(doc.RootElement, "the BLOB payload");
        var no = MetadataJson.OptionalInteger(root, "no", long.MaxValue)
            ?? throw new MetadataFormatException("'no' is required");
        var nextUpdate = MetadataJson.OptionalDate(root, "nextUpdate")
            ?? throw new MetadataFormatException("'nextUpdate' is required");
        var entries = MetadataJson.OptionalArray(root, "entries");
        return new Mds3Blob(no, nextUpdate, MetadataJson.OptionalString(root, "legalHeader"),
            [.. entries.Select((e, i) => ReadEntry(e, i))]);
    }

    private static Mds3BlobEntry ReadEntry(JsonElement entry, int index)
    {
        try
        {
            MetadataJson.RequireObject(entry, "an entry");
            var aaid = MetadataJson.OptionalString(entry, "aaid");
            var raw = MetadataJson.Member(entry, "metadataStatement")?.Clone();
            var (statement, error) = aaid is not null && raw is { } s ? ReadUafStatement(s) : (null, null);
            return new Mds3BlobEntry
            {
                Aaid = aaid,
                Aaguid = MetadataJson.OptionalString(entry, "aaguid"),
                AttestationCertificateKeyIdentifiers = MetadataJson.OptionalStringArray(entry, "attestationCertificateKeyIdentifiers"),
                Statement = statement,
                StatementError = error,
                RawStatement = raw,
                StatusReports = [.. MetadataJson.OptionalArray(entry, "statusReports")
                    .Select(ReadStatusReport).OfType<StatusReport>()
                    .OrderBy(r => r.EffectiveDate ?? DateOnly.MinValue)],
                TimeOfLastStatusChange = MetadataJson.OptionalDate(entry, "timeOfLastStatusChange"),
            };
        }
        catch (MetadataFormatException e)
        {
            throw new MetadataFormatException($"entries[{index}]: {e.Message}", e);
        }
    }

    private static (MetadataStatement?, string?) ReadUafStatement(JsonElement statement)
    {
        try
        {
            return (MetadataStatementReader.Read(statement), null);
        }
        catch (MetadataFormatException e)
        {
            return (null, e.Message);
        }
    }

    /// <summary>A status report, or null when its status is not one we know (MDS3: ignore unknown values).</summary>
    private static StatusReport? ReadStatusReport(JsonElement report)
    {
        MetadataJson.RequireObject(report, "a status report");
        var status = MetadataJson.RequiredString(report, "status");
        if (!MetadataRegistryNames.Statuses.TryGetValue(status, out var known))
            return null;
        var certificate = MetadataJson.OptionalString(report, "certificate");
        return new StatusReport(
            known,
            MetadataJson.OptionalDate(report, "effectiveDate"),
            (uint?)MetadataJson.OptionalInteger(report, "authenticatorVersion", uint.MaxValue),
            string.IsNullOrEmpty(certificate) ? null : MetadataJson.Base64(certificate, "certificate"));
    }
}
