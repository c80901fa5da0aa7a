using FigiAuth.Uaf.Messages;

namespace FigiAuth.Uaf.Facets;

/// <summary>
/// Builds the TrustedFacetList served at the AppID URL from configured facet IDs. IDs are checked
/// when the builder is made (configuration time): https IDs are reduced to their origin,
/// <c>android:apk-key-hash:</c> and <c>ios:bundle-id:</c> IDs need a value, any other scheme is
/// an error.
/// </summary>
public sealed class TrustedFacetListBuilder
{
    private readonly IReadOnlyList<string> _ids;

    public TrustedFacetListBuilder(IEnumerable<string> facetIds)
    {
        ArgumentNullException.ThrowIfNull(facetIds);
        _ids = [.. facetIds.Select(ToListedForm).Distinct(StringComparer.Ordinal)];
        if (_ids.Count == 0)
            throw new ArgumentException("at least one trusted facet ID is required", nameof(facetIds));
    }

    /// <summary>The configured IDs in the form they are listed.</summary>
    public IReadOnlyList<string> Ids => _ids;

    /// <summary>One entry per version (default: 1.0 and 1.1), each listing every ID.</summary>
    public TrustedFacetList Build(params IReadOnlyList<UafVersion> versions) =>
        new([.. (versions.Count == 0 ? [UafVersion.V1_0, UafVersion.V1_1] : versions)
            .Select(v => new TrustedFacets(v, _ids))]);

    private static string ToListedForm(string id)
    {
        if (string.IsNullOrWhiteSpace(id))
            throw new ArgumentException("a trusted facet ID is empty");
        if (id.StartsWith(FacetIds.AndroidPrefix, StringComparison.Ordinal) && id.Length > FacetIds.AndroidPrefix.Length)
            return id;
        if (id.StartsWith(FacetIds.IosPrefix, StringComparison.Ordinal) && id.Length > FacetIds.IosPrefix.Length)
            return id;
        if (FacetIds.TryGetHttpsOrigin(id, out var origin))
            return origin;
        throw new ArgumentException(
            $"trusted facet ID '{id}' must be an https URL, android:apk-key-hash:<base64> or ios:bundle-id:<id>");
    }
}
