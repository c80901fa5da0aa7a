using FigiAuth.Server.Hosting;
using FigiAuth.Uaf.Facets;
using FigiAuth.Uaf.Messages;
using FigiAuth.Uaf.Verification;
using Microsoft.Extensions.Options;

namespace FigiAuth.Server.Uaf;

/// <summary>
/// The UAF endpoints' effective settings, computed once: AppID, trusted facets (configured, plus PublicOrigin in
/// Development), the wire status profile and the serverData protector.
/// </summary>
internal sealed class UafSettings
{
    public UafSettings(IOptions<FigiAuthOptions> options, IHostEnvironment environment, UafServerDataKey serverDataKey)
    {
        var o = options.Value;
        AppId = o.Uaf.AppId ?? throw new InvalidOperationException("FigiAuth:Uaf:AppId (or FigiAuth:PublicOrigin) is required");
        OpenEnrollment = o.Uaf.OpenEnrollment;
        ChallengeLifetime = o.Uaf.ChallengeLifetime;
        StatusProfile = o.Uaf.StatusProfile == Hosting.StatusProfile.Conformance ? UafStatusProfile.Conformance : UafStatusProfile.Detailed;
        List<string> ids = o.Uaf.TrustedFacetIds.Count == 0 ? [] : [.. new TrustedFacetListBuilder(o.Uaf.TrustedFacetIds).Ids];
        if (environment.IsDevelopment() && o.PublicOrigin is { Length: > 0 } origin && !ids.Contains(origin, StringComparer.Ordinal))
        {
            // The CLI phone's default facet is the server origin (http on a developer machine).
            ids.Add(origin);
        }

        TrustedFacetIds = ids;
        TrustedFacetList = new TrustedFacetList([new TrustedFacets(UafVersion.V1_0, ids), new TrustedFacets(UafVersion.V1_1, ids)]);
        ServerData = serverDataKey.CreateProtector();
    }

    public string AppId { get; }

    public bool OpenEnrollment { get; }

    public TimeSpan ChallengeLifetime { get; }

    public UafStatusProfile StatusProfile { get; }

    public IReadOnlyList<string> TrustedFacetIds { get; }

    public TrustedFacetList TrustedFacetList { get; }

    public ServerDataProtector ServerData { get; }

    /// <summary>AAIDs are stored and compared with upper-case hex.</summary>
    /// <summary>What the core's authentication verifier needs, with this server's AppID, facets and serverData key.</summary>
    public FigiAuth.Uaf.Authentication.AuthenticationVerificationContext ForAuthentication(FigiAuth.Uaf.Metadata.IMetadataStore metadata,
        IUafCeremonyStore ledger, IUafRegistrationLookup lookup, UafPublicKeyCache keyCache, TimeProvider time) => new()
    {
        AppId = AppId,
        TrustedFacetIds = TrustedFacetIds,
        Metadata = metadata,
        Ceremonies = ledger,
        TimeProvider = time,
        ServerDataProtector = ServerData,
        Registrations = lookup,
        KeyCache = keyCache,
    };

    public static string NormalizeAaid(string aaid) => aaid.ToUpperInvariant();
}
