using System.Text.Json;
using Fido2NetLib;
using FigiAuth.Uaf.Metadata;
using Fido2Status = Fido2NetLib.AuthenticatorStatus;

namespace FigiAuth.Server.Passkeys;

/// <summary>
/// Fido2's metadata service over the same MDS3 BLOB as UAF (<see cref="MetadataRepository.CurrentBlob"/>): the entry
/// whose <c>aaguid</c> matches, its <c>metadataStatement</c> read with Fido2's own model (so Fido2 checks the attestation
/// chain against its <c>attestationRootCertificates</c>) and its known status reports. An entry whose statement does not
/// read as a Fido2 statement counts as absent (and, under RequireAttestation, refuses the registration).
/// </summary>
public sealed class PasskeyMetadataService(Func<Mds3Blob?> currentBlob) : IMetadataService
{
    static readonly Dictionary<string, Fido2Status> Fido2Statuses =
        Enum.GetValues<Fido2Status>().ToDictionary(s => Normalize(s.ToString()), StringComparer.Ordinal);

    public PasskeyMetadataService(MetadataRepository repository) : this(() => repository.CurrentBlob)
    {
    }

    public bool ConformanceTesting() => false;

    public Task<MetadataBLOBPayloadEntry?> GetEntryAsync(Guid aaGuid, CancellationToken cancellationToken = default) =>
        Task.FromResult(Find(aaGuid) is { } entry ? ToFido2(entry) : null);

    /// <summary>The BLOB entry for this AAGUID (not the all-zero one), or null.</summary>
    public Mds3BlobEntry? Find(Guid aaguid) =>
        aaguid == Guid.Empty || currentBlob() is not { } blob
            ? null
            : blob.Entries.FirstOrDefault(e => Guid.TryParse(e.Aaguid, out var g) && g == aaguid);

    /// <summary>Fido2's view of the entry, or null when its statement is missing or not a valid Fido2 statement.</summary>
    public static MetadataBLOBPayloadEntry? ToFido2(Mds3BlobEntry entry)
    {
        if (entry.RawStatement is not { ValueKind: JsonValueKind.Object } raw)
        {
            return null;
        }

        Fido2NetLib.MetadataStatement? statement;
        try
        {
            statement = raw.Deserialize<Fido2NetLib.MetadataStatement>();
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or FormatException or ArgumentException)
        {
            return null;
        }

        if (statement is null)
        {
            return null;
        }

        return new MetadataBLOBPayloadEntry
        {
            AaGuid = Guid.Parse(entry.Aaguid!),
            MetadataStatement = statement,
            StatusReports = [.. entry.StatusReports.Select(ToFido2).OfType<Fido2NetLib.StatusReport>()],
            TimeOfLastStatusChange = entry.TimeOfLastStatusChange?.ToString("yyyy-MM-dd"),
        };
    }

    static Fido2NetLib.StatusReport? ToFido2(FigiAuth.Uaf.Metadata.StatusReport report) =>
        Fido2Statuses.TryGetValue(Normalize(report.Status.ToString()), out var status)
            ? new Fido2NetLib.StatusReport
            {
                Status = status,
                EffectiveDate = report.EffectiveDate?.ToString("yyyy-MM-dd"),
                AuthenticatorVersion = report.AuthenticatorVersion,
                Certificate = report.Certificate is { } c ? Convert.ToBase64String(c) : null,
            }
            : null;

    static string Normalize(string name) => name.Replace("_", "", StringComparison.Ordinal).ToUpperInvariant();
}
