using FigiAuth.Server.Data;
using FigiAuth.Uaf.Algorithms;
using FigiAuth.Uaf.Verification;
using Microsoft.EntityFrameworkCore;
using CoreStatus = FigiAuth.Uaf.Verification.UafRegistrationStatus;
using RowStatus = FigiAuth.Server.Data.UafRegistrationStatus;

namespace FigiAuth.Server.Uaf;

/// <summary>
/// Finds registrations of this AppID by (AAID, KeyID) with one no-tracking query (joined with the user's name), and
/// remembers each row's Id for the counter update that follows a verified assertion.
/// </summary>
internal sealed class UafRegistrationLookup(FigiAuthDbContext db, UafSettings settings) : IUafRegistrationLookup
{
    readonly Dictionary<(string Aaid, string KeyId), Guid> ids = [];

    public Guid IdOf(string aaid, string keyId) => ids[(UafSettings.NormalizeAaid(aaid), keyId)];

    public async ValueTask<StoredUafRegistration?> FindAsync(string aaid, string keyIdBase64Url, CancellationToken cancellationToken)
    {
        var normalized = UafSettings.NormalizeAaid(aaid);
        var found = await db.UafRegistrations.AsNoTracking()
            .Where(r => r.AppId == settings.AppId && r.Aaid == normalized && r.KeyId == keyIdBase64Url)
            .Join(db.Users, r => r.UserId, u => u.Id, (r, u) => new { Registration = r, u.UserName })
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return null;
        }

        var r = found.Registration;
        ids[(normalized, keyIdBase64Url)] = r.Id;
        return Stored(r.UserId, found.UserName ?? "", r.Aaid, r.KeyId, r.PublicKey, r.SignatureAlgorithm, r.PublicKeyEncoding, r.SignCounter,
            r.Status);
    }

    /// <summary>A stored registration as the core sees it.</summary>
    internal static StoredUafRegistration Stored(Guid userId, string userName, string aaid, string keyId, byte[] publicKey,
        ushort signatureAlgorithm, ushort publicKeyEncoding, long signCounter, RowStatus status) =>
        new(userId.ToString("D"), userName, aaid, keyId, publicKey, (UafSignatureAlgorithm)signatureAlgorithm,
            (UafPublicKeyEncoding)publicKeyEncoding, (uint)Math.Clamp(signCounter, 0, uint.MaxValue),
            status switch
            {
                RowStatus.Active => CoreStatus.Active,
                RowStatus.Suspect => CoreStatus.Suspect,
                _ => CoreStatus.Revoked,
            });
}
