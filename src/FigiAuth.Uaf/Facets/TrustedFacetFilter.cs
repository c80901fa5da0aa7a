namespace FigiAuth.Uaf.Facets;

/// <summary>
/// The client-side processing of a fetched TrustedFacetList (AppID and Facet spec §3.1.2, UAF.md
/// §5 step 4): https IDs keep only their origin; IDs of other schemes than https and the app
/// schemes are discarded; https IDs outside the AppID's "public suffix + one label" are discarded.
/// The server uses it to check its own list the way clients will read it.
/// </summary>
public static class TrustedFacetFilter
{
    /// <param name="appId">The https AppID the list is served for.</param>
    /// <param name="ids">The <c>ids</c> of the entry for the message's version.</param>
    /// <param name="isPublicSuffix">Public Suffix List lookup; default: only the last label (TLD).</param>
    public static IReadOnlyList<string> Filter(string appId, IEnumerable<string> ids, Func<string, bool>? isPublicSuffix = null)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (!FacetIds.TryGetHttpsUri(appId, out var app))
            throw new ArgumentException($"AppID '{appId}' is not an https URL", nameof(appId));
        var site = RegistrableDomain(app.IdnHost, isPublicSuffix ?? (s => !s.Contains('.')));
        var kept = new List<string>();
        foreach (var id in ids)
        {
            if (id.StartsWith(FacetIds.AndroidPrefix, StringComparison.Ordinal) || id.StartsWith(FacetIds.IosPrefix, StringComparison.Ordinal))
                kept.Add(id);
            else if (FacetIds.TryGetHttpsUri(id, out var facet) && IsWithin(facet.IdnHost, site) && FacetIds.TryGetHttpsOrigin(id, out var origin))
                kept.Add(origin);
        }
        return kept;
    }

    /// <summary>The longest public suffix of <paramref name="host"/> plus one more label.</summary>
    internal static string RegistrableDomain(string host, Func<string, bool> isPublicSuffix)
    {
        var labels = host.ToLowerInvariant().Split('.');
        for (var k = labels.Length - 1; k >= 1; k--)
        {
            if (isPublicSuffix(string.Join('.', labels[^k..])))
                return string.Join('.', labels[^Math.Min(k + 1, labels.Length)..]);
        }
        return host.ToLowerInvariant();
    }

    private static bool IsWithin(string host, string site) =>
        string.Equals(host, site, StringComparison.OrdinalIgnoreCase)
        || host.EndsWith("." + site, StringComparison.OrdinalIgnoreCase);
}
