namespace FigiAuth.Uaf.Facets;

/// <summary>
/// An AppID in an operation header (UAF.md §5; conformance Dereg-Req-3 P-3): when present it must
/// be an https URL of at most 512 characters.
/// </summary>
public static class AppIdValidator
{
    public const int MaxLength = 512;

    public static bool IsValid(string appId) =>
        appId is { Length: > 0 and <= MaxLength } && FacetIds.TryGetHttpsUri(appId, out _);

    /// <summary>Null when <paramref name="appId"/> is absent, empty or valid; else a 1498 failure at <paramref name="stepId"/>.</summary>
    public static UafFailure? Validate(string? appId, string stepId) =>
        string.IsNullOrEmpty(appId) || IsValid(appId)
            ? null
            : new UafFailure(UafStatusCode.UnacceptableContent, stepId, "appID must be an https URL of at most 512 characters");
}
