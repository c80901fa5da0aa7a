using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using FigiAuth.Uaf.Messages;

namespace FigiAuth.Client.Facets;

/// <summary>
/// The FIDO client's check that the calling facet may act for an AppID (FIDO AppID and Facet
/// Specification v1.1 §3, UAF.md §5). Returns the effective AppID or throws UNTRUSTED_FACET_ID.
/// </summary>
/// <param name="http">
/// Anonymous HttpClient for the TrustedFacetList (no cookies, no credentials). Its handler should
/// not follow redirects by itself: redirects are followed here only when the server sends
/// <c>FIDO-AppID-Redirect-Authorized: true</c>.
/// </param>
/// <param name="allowHttpAppId">Development only: also fetch lists from <c>http://</c> AppIDs. Default: false.</param>
public sealed class FacetAuthorizer(HttpClient http, bool allowHttpAppId = false)
{
    public const string TrustedAppsMediaType = "application/fido.trusted-apps+json";
    private const int MaxRedirects = 3;

    public async Task<string> AuthorizeAsync(string? appId, string facetId, UafVersion upv, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(facetId);
        // Step 1: an empty AppID means "this facet"; an AppID equal to the facet is always fine.
        if (string.IsNullOrEmpty(appId) || appId == facetId)
            return string.IsNullOrEmpty(appId) ? facetId : appId;
        if (!Uri.TryCreate(appId, UriKind.Absolute, out var appUri)
            || !(appUri.Scheme == Uri.UriSchemeHttps || (allowHttpAppId && appUri.Scheme == Uri.UriSchemeHttp)))
            throw Untrusted($"AppID {appId} is not an https URL");
        // Step 2: a web facet on the AppID's own host needs no list.
        if (Uri.TryCreate(facetId, UriKind.Absolute, out var facetUri) && IsWebScheme(facetUri.Scheme)
            && string.Equals(facetUri.Host, appUri.Host, StringComparison.OrdinalIgnoreCase))
            return appId;
        // Steps 3-5: fetch the TrustedFacetList and look for the facet in the entry for this upv.
        var list = await FetchAsync(appUri, cancellationToken).ConfigureAwait(false);
        var entry = list.TrustedFacets.FirstOrDefault(f => f.Version == upv)
            ?? throw Untrusted($"the TrustedFacetList of {appId} has no entry for version {upv}");
        var wanted = Normalize(facetId);
        var trusted = entry.Ids.Where(id => IsAcceptableListId(id, appUri)).Select(Normalize);
        return trusted.Contains(wanted, StringComparer.Ordinal)
            ? appId
            : throw Untrusted($"facet {facetId} is not trusted by {appId}");
    }

    private bool IsWebScheme(string scheme) => scheme == Uri.UriSchemeHttps || (allowHttpAppId && scheme == Uri.UriSchemeHttp);

    private async Task<TrustedFacetList> FetchAsync(Uri url, CancellationToken cancellationToken)
    {
        for (var hop = 0; ; hop++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(TrustedAppsMediaType));
            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException e)
            {
                throw new UafClientException(UafClientErrorCode.UntrustedFacetId, $"the TrustedFacetList at {url} is unreachable: {e.Message}", e);
            }
            using (response)
            {
                if ((int)response.StatusCode is >= 300 and < 400)
                {
                    var authorized = response.Headers.TryGetValues("FIDO-AppID-Redirect-Authorized", out var values)
                        && values.Any(v => string.Equals(v, "true", StringComparison.OrdinalIgnoreCase));
                    if (!authorized || response.Headers.Location is null || hop >= MaxRedirects)
                        throw Untrusted($"the TrustedFacetList at {url} redirects without FIDO-AppID-Redirect-Authorized");
                    url = new Uri(url, response.Headers.Location);
                    continue;
                }
                if (response.StatusCode != HttpStatusCode.OK)
                    throw Untrusted($"the TrustedFacetList at {url} answered HTTP {(int)response.StatusCode}");
                if (!string.Equals(response.Content.Headers.ContentType?.MediaType, TrustedAppsMediaType, StringComparison.OrdinalIgnoreCase))
                    throw Untrusted($"the TrustedFacetList at {url} is not {TrustedAppsMediaType}");
                var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    return JsonSerializer.Deserialize(bytes, UafJsonContext.Default.TrustedFacetList)
                        ?? throw Untrusted($"the TrustedFacetList at {url} is empty");
                }
                catch (JsonException e)
                {
                    throw new UafClientException(UafClientErrorCode.UntrustedFacetId, $"the TrustedFacetList at {url} does not parse", e);
                }
            }
        }
    }

    /// <summary>
    /// List entries other than web and app facets are discarded, and web ones must sit under the
    /// AppID host's registrable domain. Without a public-suffix list that domain is approximated by
    /// the last two DNS labels (exact host for IP addresses and single-label hosts).
    /// </summary>
    private bool IsAcceptableListId(string id, Uri appUri)
    {
        if (id.StartsWith("android:apk-key-hash:", StringComparison.Ordinal) || id.StartsWith("ios:bundle-id:", StringComparison.Ordinal))
            return true;
        if (!Uri.TryCreate(id, UriKind.Absolute, out var uri) || !IsWebScheme(uri.Scheme))
            return false;
        return string.Equals(RegistrableDomain(uri), RegistrableDomain(appUri), StringComparison.OrdinalIgnoreCase);
    }

    private static string RegistrableDomain(Uri uri)
    {
        if (uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6)
            return uri.Host;
        var labels = uri.Host.Split('.');
        return labels.Length <= 2 ? uri.Host : string.Join('.', labels[^2..]);
    }

    /// <summary>Web facets compare as scheme://host[:port]; Android key hashes without '=' padding.</summary>
    public static string Normalize(string facetId)
    {
        if (facetId.StartsWith("android:apk-key-hash:", StringComparison.Ordinal))
            return facetId.TrimEnd('=');
        if (Uri.TryCreate(facetId, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
            return uri.IsDefaultPort ? $"{uri.Scheme}://{uri.Host.ToLowerInvariant()}" : $"{uri.Scheme}://{uri.Host.ToLowerInvariant()}:{uri.Port}";
        return facetId;
    }

    private static UafClientException Untrusted(string message) => new(UafClientErrorCode.UntrustedFacetId, message);
}
