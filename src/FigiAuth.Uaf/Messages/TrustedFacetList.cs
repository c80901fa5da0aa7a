using System.Text.Json.Serialization;

namespace FigiAuth.Uaf.Messages;

/// <summary>The document served at the AppID URL (<c>application/fido.trusted-apps+json</c>).</summary>
public sealed record TrustedFacetList(
    [property: JsonPropertyName("trustedFacets")] IReadOnlyList<TrustedFacets> TrustedFacets);
