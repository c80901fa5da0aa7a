using FigiAuth.Server.Uaf;
using FigiAuth.Uaf.Verification;

namespace FigiAuth.Server.HotPath;

/// <summary>Registrations of this AppID by (AAID, KeyID) through the hot path's reader; remembers each row's Id for the counter update.</summary>
internal sealed class HotRegistrationLookup(CeremonyReader reader, string appId) : IUafRegistrationLookup
{
    readonly Dictionary<(string Aaid, string KeyId), Guid> ids = [];

    public Guid IdOf(string aaid, string keyId) => ids[(UafSettings.NormalizeAaid(aaid), keyId)];

    public ValueTask<StoredUafRegistration?> FindAsync(string aaid, string keyIdBase64Url, CancellationToken cancellationToken)
    {
        var normalized = UafSettings.NormalizeAaid(aaid);
        if (reader.FindRegistration(appId, normalized, keyIdBase64Url) is not { } r)
        {
            return ValueTask.FromResult<StoredUafRegistration?>(null);
        }

        ids[(normalized, keyIdBase64Url)] = r.Id;
        return ValueTask.FromResult<StoredUafRegistration?>(UafRegistrationLookup.Stored(r.UserId, r.UserName, r.Aaid, r.KeyId, r.PublicKey,
            r.SignatureAlgorithm, r.PublicKeyEncoding, r.SignCounter, r.Status));
    }
}
