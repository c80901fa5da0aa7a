using FigiAuth.Server.HotPath;
using FigiAuth.Uaf.Algorithms;
using FigiAuth.Uaf.Verification;
using CoreStatus = FigiAuth.Uaf.Verification.UafRegistrationStatus;
using RowStatus = FigiAuth.Server.Data.UafRegistrationStatus;

namespace FigiAuth.Server.Uaf;

/// <summary>
/// Finds registrations of this AppID by (AAID, KeyID), joined with the user's name, and remembers each row's Id for the
/// counter update that follows a verified assertion. Subclasses say where the row is read from.
/// </summary>
internal abstract class RememberingRegistrationLookup : IUafRegistrationLookup
{
    readonly Dictionary<(string Aaid, string KeyId), Guid> ids = [];

    public Guid IdOf(string aaid, string keyId) => ids[(UafSettings.NormalizeAaid(aaid), keyId)];

    public async ValueTask<StoredUafRegistration?> FindAsync(string aaid, string keyIdBase64Url, CancellationToken cancellationToken)
    {
        var normalized = UafSettings.NormalizeAaid(aaid);
        if (await ReadAsync(normalized, keyIdBase64Url, cancellationToken) is not { } r)
        {
            return null;
        }

        ids[(normalized, keyIdBase64Url)] = r.Id;
        return new StoredUafRegistration(r.UserId.ToString("D"), r.UserName, r.Aaid, r.KeyId, r.PublicKey,
            (UafSignatureAlgorithm)r.SignatureAlgorithm, (UafPublicKeyEncoding)r.PublicKeyEncoding,
            (uint)Math.Clamp(r.SignCounter, 0, uint.MaxValue),
            r.Status switch
            {
                RowStatus.Active => CoreStatus.Active,
                RowStatus.Suspect => CoreStatus.Suspect,
                _ => CoreStatus.Revoked,
            });
    }

    /// <summary>The registration row of this AppID with this (normalized) AAID and KeyID, or null.</summary>
    protected abstract Task<RegistrationRow?> ReadAsync(string normalizedAaid, string keyId, CancellationToken cancellationToken);
}
