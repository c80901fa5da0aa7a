using System.Formats.Cbor;
using FigiAuth.Uaf.Metadata;

namespace FigiAuth.Server.Passkeys;

/// <summary>
/// FigiAuth's registration policy around Fido2's attestation verification: the AAGUID lists, the MDS3 status of the
/// model (the same reports and rules as UAF's <see cref="MetadataStatusPolicy"/>: REVOKED, ATTESTATION_KEY_COMPROMISE
/// for this attestation certificate or unscoped, USER_VERIFICATION_BYPASS / USER_KEY_*_COMPROMISE unless a later
/// UPDATE_AVAILABLE exists; a passkey does not report its firmware version, so that update is assumed unreached and the
/// compromise refuses), and, with RequireAttestation, a full attestation (not none, not self) from a model with usable
/// metadata. Fido2 itself checks the chain against the metadata's attestation roots when the entry exists.
/// Returns the refusal reason for the audit log, or null.
/// </summary>
public static class PasskeyAttestationPolicy
{
    public static string? Evaluate(PasskeyOptions options, Guid aaguid, AttestationStatement attestation,
        Mds3BlobEntry? entry, bool entryUsable)
    {
        if (options.DeniedAaguids.Contains(aaguid))
        {
            return $"AAGUID {aaguid} is denied";
        }

        if (options.AllowedAaguids.Count > 0 && !options.AllowedAaguids.Contains(aaguid))
        {
            return $"AAGUID {aaguid} is not allowed";
        }

        if (entry is not null && StatusFailure(entry, attestation.Certificates) is { } status)
        {
            return $"AAGUID {aaguid} {status}";
        }

        if (!options.RequireAttestation)
        {
            return null;
        }

        if (attestation.Format is null or "none")
        {
            return "attestation required but none given";
        }

        if (attestation.IsSelf)
        {
            return $"attestation required but {attestation.Format} self attestation given";
        }

        if (entry is null)
        {
            return $"attestation required but AAGUID {aaguid} has no metadata";
        }

        return entryUsable ? null : $"attestation required but the metadata statement of AAGUID {aaguid} is not usable";
    }

    /// <summary>Why the model's MDS3 status reports refuse a new registration, or null.</summary>
    public static string? StatusFailure(Mds3BlobEntry entry, IReadOnlyList<byte[]> attestationCertificates)
    {
        var reports = entry.StatusReports;
        if (reports.Any(r => r.Status == AuthenticatorStatus.Revoked))
        {
            return "is REVOKED";
        }

        foreach (var report in reports.Where(r => r.Status == AuthenticatorStatus.AttestationKeyCompromise))
        {
            if (report.Certificate is null || attestationCertificates.Any(c => c.AsSpan().SequenceEqual(report.Certificate)))
            {
                return "has ATTESTATION_KEY_COMPROMISE for this attestation";
            }
        }

        for (var i = 0; i < reports.Count; i++)
        {
            if (reports[i].Status is AuthenticatorStatus.UserVerificationBypass or AuthenticatorStatus.UserKeyRemoteCompromise
                    or AuthenticatorStatus.UserKeyPhysicalCompromise
                && !reports.Skip(i + 1).Any(r => r.Status == AuthenticatorStatus.UpdateAvailable))
            {
                return $"has {reports[i].Status} without a later update";
            }
        }

        return null;
    }
}

/// <summary>The format and x5c certificates of an attestation object (already verified by Fido2).</summary>
public sealed record AttestationStatement(string? Format, IReadOnlyList<byte[]> Certificates, byte[] AuthenticatorData)
{
    /// <summary>A signed attestation without a certificate chain (packed self attestation).</summary>
    public bool IsSelf => Format is "packed" && Certificates.Count == 0;

    public static AttestationStatement Read(byte[] attestationObject)
    {
        string? fmt = null;
        byte[] authData = [];
        var x5c = new List<byte[]>();
        try
        {
            var reader = new CborReader(attestationObject, CborConformanceMode.Lax);
            var count = reader.ReadStartMap();
            for (var i = 0; i < count; i++)
            {
                switch (reader.ReadTextString())
                {
                    case "fmt":
                        fmt = reader.ReadTextString();
                        break;
                    case "authData":
                        authData = reader.ReadByteString();
                        break;
                    case "attStmt":
                        var members = reader.ReadStartMap();
                        for (var j = 0; j < members; j++)
                        {
                            string? key = null;
                            if (reader.PeekState() == CborReaderState.TextString)
                            {
                                key = reader.ReadTextString();
                            }
                            else
                            {
                                reader.SkipValue();
                            }

                            if (key == "x5c" && reader.PeekState() == CborReaderState.StartArray)
                            {
                                var n = reader.ReadStartArray();
                                for (var k = 0; k < n; k++)
                                {
                                    x5c.Add(reader.ReadByteString());
                                }

                                reader.ReadEndArray();
                            }
                            else
                            {
                                reader.SkipValue();
                            }
                        }

                        reader.ReadEndMap();
                        break;
                    default:
                        reader.SkipValue();
                        break;
                }
            }
        }
        catch (Exception e) when (e is CborContentException or InvalidOperationException)
        {
            // Fido2 has already parsed it; whatever was read so far stands.
        }

        return new AttestationStatement(fmt, x5c, authData);
    }
}
