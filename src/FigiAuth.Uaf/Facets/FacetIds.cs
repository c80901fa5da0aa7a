namespace FigiAuth.Uaf.Facets;

/// <summary>Facet ID comparison (FIDO AppID and Facet Specification).</summary>
public static class FacetIds
{
    /// <summary>True when <paramref name="facetId"/> is one of <paramref name="trustedIds"/>.</summary>
    public static bool IsTrusted(string facetId, IEnumerable<string> trustedIds) =>
        trustedIds.Contains(facetId, StringComparer.Ordinal);
}
