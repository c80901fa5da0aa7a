using FigiAuth.Server.Uaf;

namespace FigiAuth.Server.HotPath;

/// <summary>Registrations of this AppID by (AAID, KeyID) through the hot path's reader.</summary>
internal sealed class HotRegistrationLookup(CeremonyReader reader, string appId) : RememberingRegistrationLookup
{
    protected override Task<RegistrationRow?> ReadAsync(string normalizedAaid, string keyId, CancellationToken cancellationToken) =>
        reader.FindRegistrationAsync(appId, normalizedAaid, keyId, cancellationToken);
}
