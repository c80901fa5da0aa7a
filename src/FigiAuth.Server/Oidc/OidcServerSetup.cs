using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using FigiAuth.Server.Hosting;
using FigiAuth.Server.Tokens;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;

namespace FigiAuth.Server.Oidc;

/// <summary>
/// Gives OpenIddict the server's issuer and its ES256 signing keys from <see cref="SigningKeyRing"/>, so OIDC tokens,
/// UAF access tokens and receipts share one issuer and one JWKS. Runs when OpenIddict's options are first read (the
/// first request), after <see cref="SigningKeyBootstrap"/> loaded the ring.
/// </summary>
internal sealed class OidcServerSetup(SigningKeyRing ring, IOptions<FigiAuthOptions> figiAuth, IOptions<OidcOptions> oidc,
    ILogger<OidcServerSetup> logger) : IConfigureOptions<OpenIddictServerOptions>
{
    public void Configure(OpenIddictServerOptions options)
    {
        options.Issuer = new Uri(figiAuth.Value.PublicOrigin!, UriKind.Absolute);

        // The current key first: OpenIddict signs with the first usable credential and publishes all of them.
        var current = ring.SigningCredentials.Key;
        foreach (var key in ring.ValidationKeys.OrderBy(k => k == current ? 0 : 1))
        {
            options.SigningCredentials.Add(new SigningCredentials(key, SigningKeyRing.Algorithm));
        }

        options.EncryptionCredentials.Add(EncryptionCredentials(oidc.Value));
    }

    EncryptingCredentials EncryptionCredentials(OidcOptions o)
    {
        if (!string.IsNullOrWhiteSpace(o.EncryptionCertificatePath))
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(o.EncryptionCertificatePath, o.EncryptionCertificatePassword,
                X509KeyStorageFlags.EphemeralKeySet);
            return new EncryptingCredentials(new X509SecurityKey(certificate), SecurityAlgorithms.RsaOAEP,
                SecurityAlgorithms.Aes256CbcHmacSha512);
        }

        logger.LogWarning("FigiAuth:Oidc:EncryptionCertificatePath is not set: authorization codes and refresh tokens use an ephemeral key");
        return new EncryptingCredentials(new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)),
            SecurityAlgorithms.Aes256KW, SecurityAlgorithms.Aes256CbcHmacSha512);
    }
}
