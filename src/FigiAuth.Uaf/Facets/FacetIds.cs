namespace FigiAuth.Uaf.Facets;

/// <summary>
/// Facet ID comparison (FIDO AppID and Facet Specification v1.1, UAF.md §5). IDs are compared in
/// normalised form and never with wildcards.
/// </summary>
public static class FacetIds
{
    public const string AndroidPrefix = "android:apk-key-hash:";
    public const string IosPrefix = "ios:bundle-id:";

    /// <summary>
    /// The comparable form of a facet ID: an https ID becomes its origin
    /// <c>https://host[:port]</c> (default port, path, query, fragment, userinfo and trailing slash
    /// dropped; host lower-case); an Android ID loses its base64 <c>=</c> padding; an iOS ID and
    /// anything else stay as they are.
    /// </summary>
    public static string Normalize(string facetId)
    {
        ArgumentNullException.ThrowIfNull(facetId);
        if (facetId.StartsWith(AndroidPrefix, StringComparison.Ordinal))
            return facetId.TrimEnd('=');
        return TryGetHttpsOrigin(facetId, out var origin) ? origin : facetId;
    }

    /// <summary>True when <paramref name="facetId"/> is one of <paramref name="trustedIds"/> (both normalised).</summary>
    public static bool IsTrusted(string facetId, IEnumerable<string> trustedIds)
    {
        ArgumentNullException.ThrowIfNull(trustedIds);
        var facet = Normalize(facetId);
        if (NormalizedIds.For(trustedIds) is { } normalized)
            return normalized.Contains(facet);
        return trustedIds.Any(id => string.Equals(Normalize(id), facet, StringComparison.Ordinal));
    }

    /// <summary>
    /// A trusted-facet list normalised once (normalising an https ID parses a URI), kept per list
    /// instance and used only while the list still holds the same strings in the same order.
    /// </summary>
    private sealed class NormalizedIds
    {
        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IEnumerable<string>, NormalizedIds> Cache = new();
        private readonly string[] _source;
        private readonly HashSet<string> _normalized;

        private NormalizedIds(string[] source)
        {
            _source = source;
            _normalized = new HashSet<string>(source.Select(Normalize), StringComparer.Ordinal);
        }

        public bool Contains(string normalizedFacet) => _normalized.Contains(normalizedFacet);

        /// <summary>The normalised set of <paramref name="ids"/>, or null when an ID is null (the caller then compares one by one).</summary>
        public static NormalizedIds? For(IEnumerable<string> ids)
        {
            if (Cache.TryGetValue(ids, out var cached) && cached.IsFor(ids))
                return cached;
            var source = ids.ToArray();
            if (Array.IndexOf(source, null) >= 0)
                return null;
            cached = new NormalizedIds(source);
            Cache.AddOrUpdate(ids, cached);
            return cached;
        }

        private bool IsFor(IEnumerable<string> ids)
        {
            var i = 0;
            foreach (var id in ids)
            {
                if (i == _source.Length || !string.Equals(id, _source[i++], StringComparison.Ordinal))
                    return false;
            }
            return i == _source.Length;
        }
    }

    /// <summary>
    /// The server's facet check for a received <c>fcp.facetID</c>: listed in
    /// <paramref name="trustedIds"/>, or an https facet on the same host as an https AppID
    /// (AppID spec step 2), or equal to a non-https AppID (step 1).
    /// </summary>
    public static bool IsTrustedForAppId(string facetId, string? appId, IEnumerable<string> trustedIds)
    {
        if (IsTrusted(facetId, trustedIds))
            return true;
        if (string.IsNullOrEmpty(appId))
            return false;
        if (TryGetHttpsUri(facetId, out var facet) && TryGetHttpsUri(appId, out var app))
            return string.Equals(facet.IdnHost, app.IdnHost, StringComparison.OrdinalIgnoreCase);
        return !appId.StartsWith("https:", StringComparison.OrdinalIgnoreCase)
            && string.Equals(facetId, appId, StringComparison.Ordinal);
    }

    /// <summary>Reduces an https URL to <c>https://host[:port]</c>; false for anything else.</summary>
    public static bool TryGetHttpsOrigin(string id, out string origin)
    {
        origin = "";
        if (!TryGetHttpsUri(id, out var uri))
            return false;
        origin = uri.IsDefaultPort ? $"https://{uri.IdnHost}" : $"https://{uri.IdnHost}:{uri.Port}";
        return true;
    }

    internal static bool TryGetHttpsUri(string id, out Uri uri) =>
        Uri.TryCreate(id, UriKind.Absolute, out uri!)
        && uri.Scheme == Uri.UriSchemeHttps
        && uri.HostNameType is UriHostNameType.Dns or UriHostNameType.IPv4 or UriHostNameType.IPv6
        && uri.Host.Length > 0;
}
