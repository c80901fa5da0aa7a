using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography.Xml;
using System.Xml;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.Options;

namespace FigiAuth.Server.Hosting;

/// <summary>
/// Decrypts a Data Protection key encrypted to the FigiAuth:DataProtection certificate, as the framework's
/// EncryptedXmlDecryptor does, but with the configured certificate instead of a certificate store lookup. Its type
/// name is stored with every encrypted key (Data Protection creates it by name): keep the name.
/// </summary>
internal sealed class CertificateKeyDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        var options = services.GetRequiredService<IOptions<FigiAuthOptions>>().Value.DataProtection;
        using var certificate = DataProtectionCertificate.Load(options)
            ?? throw new CryptographicException("a Data Protection key is encrypted but FigiAuth:DataProtection:CertificatePath is not set");

        // EncryptedXml works on XmlDocument and cannot decrypt the document element: wrap it in <root/>.
        var document = new XmlDocument();
        document.Load(new XElement("root", encryptedElement).CreateReader());
        new CertificateEncryptedXml(document, certificate).DecryptDocument();
        return XElement.Load(document.DocumentElement!.FirstChild!.CreateNavigator()!.ReadSubtree());
    }

    sealed class CertificateEncryptedXml(XmlDocument document, X509Certificate2 certificate) : EncryptedXml(document)
    {
        public override byte[]? DecryptEncryptedKey(EncryptedKey encryptedKey)
        {
            var forUs = encryptedKey.KeyInfo.OfType<KeyInfoX509Data>()
                .SelectMany(data => data.Certificates?.OfType<X509Certificate2>() ?? [])
                .Any(c => c.RawData.AsSpan().SequenceEqual(certificate.RawData));
            if (!forUs || encryptedKey.CipherData.CipherValue is not { } wrapped)
            {
                throw new CryptographicException("the Data Protection key is encrypted to another certificate than FigiAuth:DataProtection's");
            }

            using var key = certificate.GetRSAPrivateKey()!;
            return DecryptKey(wrapped, key, encryptedKey.EncryptionMethod?.KeyAlgorithm == XmlEncRSAOAEPUrl);
        }
    }
}
