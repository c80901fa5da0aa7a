namespace FigiAuth.Server.Hosting;

/// <summary>Options of the UAF endpoints ("FigiAuth:Uaf").</summary>
public sealed class UafOptions
{
    /// <summary>The AppID. Default: <c>{PublicOrigin}/uaf/v1/facets</c>.</summary>
    public string? AppId { get; set; }

    /// <summary>Trusted facet IDs served by <c>/uaf/v1/facets</c> and enforced.</summary>
    public IList<string> TrustedFacetIds { get; set; } = [];

    /// <summary>Folder whose <c>*.json</c> metadata statements are trusted at start.</summary>
    public string? MetadataPath { get; set; }

    /// <summary>Optional FIDO MDS3 BLOB file, verified against <see cref="MdsRootCertificatePath"/>.</summary>
    public string? MdsBlobPath { get; set; }

    public string? MdsRootCertificatePath { get; set; }

    /// <summary>A username in <c>context</c> is enough to register. Default: true in Development, false elsewhere.</summary>
    public bool OpenEnrollment { get; set; }

    /// <summary>Which UAF status codes rejected responses answer. Default: <see cref="StatusProfile.Detailed"/>.</summary>
    public StatusProfile StatusProfile { get; set; } = StatusProfile.Detailed;

    /// <summary>
    /// Base64 of at least 32 random bytes: the key that MACs UAF <c>serverData</c>. Default: derived from the Data
    /// Protection key ring (shared through the database).
    /// </summary>
    public string? ServerDataKey { get; set; }

    /// <summary>How long a ceremony challenge can be answered. Default: 5 minutes.</summary>
    public TimeSpan ChallengeLifetime { get; set; } = TimeSpan.FromMinutes(5);
}
