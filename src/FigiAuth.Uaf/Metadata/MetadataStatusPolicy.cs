namespace FigiAuth.Uaf.Metadata;

/// <summary>
/// Turns MDS3 status reports into a refusal (status 1493) or acceptance, for the step that asks
/// "AAID has metadata and its status is acceptable" (UAF-REG-12 / UAF-AUTH-12, passed in).
/// Every report counts, not only the latest: a compromise stays a compromise after a later
/// FIDO_CERTIFIED_* report, and is lifted only by a later UPDATE_AVAILABLE whose
/// authenticatorVersion the authenticator has reached.
/// </summary>
public static class MetadataStatusPolicy
{
    /// <param name="entry">The authenticator model's metadata.</param>
    /// <param name="forRegistration">True for a new registration, false for an authentication.</param>
    /// <param name="stepId">The step to report, e.g. "UAF-REG-12" or "UAF-AUTH-12".</param>
    /// <param name="authenticatorVersion">AuthenticatorVersion from the assertion, when known.</param>
    /// <param name="attestationCertificates">DER certificates of the attestation path (attestation
    /// certificate, issuers and the root it validated to); null/empty for surrogate attestation.</param>
    public static UafFailure? Evaluate(
        MetadataEntry entry,
        bool forRegistration,
        string stepId,
        uint? authenticatorVersion = null,
        IEnumerable<byte[]>? attestationCertificates = null)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var reports = entry.StatusReports;
        var aaid = entry.Statement.Aaid;

        // REVOKED: refuse registration and authentication.
        if (reports.Any(r => r.Status == AuthenticatorStatus.Revoked))
            return Refuse(stepId, $"{aaid} is REVOKED");

        // ATTESTATION_KEY_COMPROMISE: refuse new registrations attested by the listed certificate,
        // or every new registration when the report names none.
        if (forRegistration)
        {
            var certificates = attestationCertificates?.ToList() ?? [];
            foreach (var report in reports.Where(r => r.Status == AuthenticatorStatus.AttestationKeyCompromise))
            {
                if (report.Certificate is null || certificates.Any(c => c.AsSpan().SequenceEqual(report.Certificate)))
                    return Refuse(stepId, $"{aaid} has ATTESTATION_KEY_COMPROMISE for this attestation");
            }
        }

        // USER_VERIFICATION_BYPASS / USER_KEY_*_COMPROMISE: refuse unless fixed by a later update.
        for (var i = 0; i < reports.Count; i++)
        {
            if (IsUserSideCompromise(reports[i].Status) && !IsFixedLater(reports, i, authenticatorVersion))
                return Refuse(stepId, $"{aaid} has {reports[i].Status} and no update reached by version {authenticatorVersion?.ToString() ?? "(unknown)"}");
        }
        return null;
    }

    /// <summary>
    /// True when the whole model must be refused whatever the attestation or firmware version:
    /// the entries a registration policy puts in <c>disallowed</c>.
    /// </summary>
    public static bool IsModelUnacceptable(MetadataEntry entry) =>
        Evaluate(entry, forRegistration: true, "UAF-REQ-02", authenticatorVersion: uint.MaxValue) is not null;

    private static bool IsUserSideCompromise(AuthenticatorStatus status) => status
        is AuthenticatorStatus.UserVerificationBypass
        or AuthenticatorStatus.UserKeyRemoteCompromise
        or AuthenticatorStatus.UserKeyPhysicalCompromise;

    private static bool IsFixedLater(IReadOnlyList<StatusReport> reports, int index, uint? version) =>
        version is { } v && reports.Skip(index + 1).Any(r =>
            r.Status == AuthenticatorStatus.UpdateAvailable && r.AuthenticatorVersion is { } fixedIn && fixedIn <= v);

    private static UafFailure Refuse(string stepId, string detail) =>
        new(UafStatusCode.RevokedAuthenticator, stepId, detail);
}
