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
        return new StoredUafRegistration(r.UserId.ToString("D"), found.UserName ?? "", r.Aaid, r.KeyId, r.PublicKey,
            (UafSignatureAlgorithm)r.SignatureAlgorithm, (UafPublicKeyEncoding)r.PublicKeyEncoding,
            (uint)Math.Clamp(r.SignCounter, 0, uint.MaxValue),
            r.Status switch
            {
                RowStatus.Active => CoreStatus.Active,
                RowStatus.Suspect => CoreStatus.Suspect,
                _ => CoreStatus.Revoked,
            });
    }
}
