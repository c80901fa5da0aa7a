using FigiAuth.Server.Uaf;

namespace FigiAuth.Server.HotPath;

/// <summary>Registrations of this AppID by (AAID, KeyID) through the hot path's reader.</summary>
internal sealed class HotRegistrationLookup(CeremonyReader reader, string appId) : RememberingRegistrationLookup
{
    protected override Task<RegistrationRow?> ReadAsync(string normalizedAaid, string keyId, CancellationToken cancellationToken) =>
        reader.FindRegistrationAsync(appId, normalizedAaid, keyId, cancellationToken);

    /// <summary>The key <see cref="HotPathCache.Registrations"/> holds this lookup's row of (AAID, KeyID) under.</summary>
    public (string AppId, string Aaid, string KeyId) CacheKey(string aaid, string keyId) => (appId, UafSettings.NormalizeAaid(aaid), keyId);
}
