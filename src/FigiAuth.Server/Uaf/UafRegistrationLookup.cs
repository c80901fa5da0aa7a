using FigiAuth.Server.Data;
using FigiAuth.Server.HotPath;
using Microsoft.EntityFrameworkCore;

namespace FigiAuth.Server.Uaf;

/// <summary>Registrations of this AppID by (AAID, KeyID) with one no-tracking EF query, in the caller's context.</summary>
internal sealed class UafRegistrationLookup(FigiAuthDbContext db, UafSettings settings) : RememberingRegistrationLookup
{
    protected override Task<RegistrationRow?> ReadAsync(string normalizedAaid, string keyId, CancellationToken cancellationToken) =>
        db.UafRegistrations.AsNoTracking()
            .Where(r => r.AppId == settings.AppId && r.Aaid == normalizedAaid && r.KeyId == keyId)
            .Join(db.Users, r => r.UserId, u => u.Id, (r, u) => new RegistrationRow(r.Id, r.UserId, u.UserName ?? "", r.Aaid, r.KeyId,
                r.PublicKey, r.SignatureAlgorithm, r.PublicKeyEncoding, r.SignCounter, r.Status))
            .FirstOrDefaultAsync(cancellationToken);
}
