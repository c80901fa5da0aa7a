using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using FigiAuth.Server.Data;
using FigiAuth.Server.Hosting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace FigiAuth.Server.Tokens;

/// <summary>
/// The ES256 keys that sign tokens and receipts, imported once and cached. Keys live in the database (private
/// key protected with Data Protection) so every node signs with the same key and restarts keep the kid; a key
/// from FigiAuth:Signing:CertificatePath takes precedence. Loaded at start by <see cref="SigningKeyBootstrap"/>.
/// </summary>
public sealed class SigningKeyRing(IDataProtectionProvider dataProtection, TimeProvider time, IOptions<FigiAuthOptions> options)
{
    public const string Algorithm = SecurityAlgorithms.EcdsaSha256;
    const string Purpose = "FigiAuth.SigningKey.v1";

    volatile Snapshot? current;

    /// <summary>The key that signs now.</summary>
    public SigningCredentials SigningCredentials => Current.Signing;

    /// <summary>The key that signs now (the key of <see cref="SigningCredentials"/>), with its ECDsa.</summary>
    public ECDsaSecurityKey SigningKey => Current.Keys[0];

    /// <summary>Every key whose tokens may still be valid; published in the JWKS.</summary>
    public IReadOnlyList<ECDsaSecurityKey> ValidationKeys => Current.Keys;

    Snapshot Current => current ?? throw new InvalidOperationException("The signing key ring is not loaded yet.");

    /// <summary>Loads the keys, creating one when none signs any more.</summary>
    public async Task LoadAsync(FigiAuthDbContext db, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var signing = options.Value.Signing;
        var tokenLifetime = options.Value.Tokens.AccessTokenLifetime;
        var protector = dataProtection.CreateProtector(Purpose);

        var stored = await db.SigningKeys.AsNoTracking().ToListAsync(cancellationToken);
        var published = stored.Where(k => k.NotAfter + tokenLifetime > now).OrderByDescending(k => k.CreatedAt).ToList();
        if (string.IsNullOrWhiteSpace(signing.CertificatePath) && !published.Any(k => k.NotAfter > now))
        {
            var created = Create(protector, now, signing.KeyLifetime);
            db.SigningKeys.Add(created);
            await db.SaveChangesAsync(cancellationToken);
            published.Insert(0, created);
        }

        var keys = published.Select(k => Import(protector, k)).ToList();
        if (!string.IsNullOrWhiteSpace(signing.CertificatePath))
        {
            keys.Insert(0, ImportCertificate(signing.CertificatePath, signing.CertificatePassword));
        }

        current = new Snapshot(keys, new SigningCredentials(keys[0], Algorithm));
    }

    static SigningKey Create(IDataProtector protector, DateTimeOffset now, TimeSpan lifetime)
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return new SigningKey
        {
            Kid = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(16)),
            Algorithm = Algorithm,
            ProtectedPrivateKey = protector.Protect(ecdsa.ExportPkcs8PrivateKey()),
            CreatedAt = now,
            NotAfter = now + lifetime,
        };
    }

    static ECDsaSecurityKey Import(IDataProtector protector, SigningKey key)
    {
        var ecdsa = ECDsa.Create();
        ecdsa.ImportPkcs8PrivateKey(protector.Unprotect(key.ProtectedPrivateKey), out _);
        return new ECDsaSecurityKey(ecdsa) { KeyId = key.Kid };
    }

    static ECDsaSecurityKey ImportCertificate(string path, string? password)
    {
        using var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password);
        var ecdsa = certificate.GetECDsaPrivateKey()
            ?? throw new InvalidOperationException("FigiAuth:Signing:CertificatePath must hold a P-256 certificate with its private key");
        if (ecdsa.KeySize != 256)
        {
            throw new InvalidOperationException("FigiAuth:Signing:CertificatePath must hold a P-256 key");
        }

        return new ECDsaSecurityKey(ecdsa) { KeyId = certificate.Thumbprint };
    }

    sealed record Snapshot(IReadOnlyList<ECDsaSecurityKey> Keys, SigningCredentials Signing);
}
