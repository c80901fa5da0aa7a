using FigiAuth.Server.Uaf;
using FigiAuth.Uaf.Verification;

namespace FigiAuth.Server.HotPath;

/// <summary>Registrations of this AppID by (AAID, KeyID) through the hot path's reader; remembers each row's Id for the counter update.</summary>
internal sealed class HotRegistrationLookup(CeremonyReader reader, string appId) : IUafRegistrationLookup
{
    readonly Dictionary<(string Aaid, string KeyId), Guid> ids = [];

    public Guid IdOf(string aaid, string keyId) => ids[(UafSettings.NormalizeAaid(aaid), keyId)];

    public async ValueTask<StoredUafRegistration?> FindAsync(string aaid, string keyIdBase64Url, CancellationToken cancellationToken)
    {
        var normalized = UafSettings.NormalizeAaid(aaid);
        if (await reader.FindRegistrationAsync(appId, normalized, keyIdBase64Url, cancellationToken) is not { } r)
        {
            return null;
        }

        ids[(normalized, keyIdBase64Url)] = r.Id;
        return UafRegistrationLookup.Stored(r.UserId, r.UserName, r.Aaid, r.KeyId, r.PublicKey, r.SignatureAlgorithm, r.PublicKeyEncoding,
            r.SignCounter, r.Status);
    }
}
