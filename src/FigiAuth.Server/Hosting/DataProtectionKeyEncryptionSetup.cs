using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.Options;

namespace FigiAuth.Server.Hosting;

/// <summary>
/// ProtectKeysWithCertificate from FigiAuth:DataProtection, read when the key ring is first used (the builder method
/// needs the certificate at registration, before configuration is bound): new keys are encrypted to the certificate
/// and <see cref="CertificateKeyDecryptor"/> decrypts them with it, also on another node. Without one (Development
/// only, the options validator refuses elsewhere) keys stay unencrypted and a warning says so once.
/// </summary>
internal sealed partial class DataProtectionKeyEncryptionSetup(
    IOptions<FigiAuthOptions> options, IHostEnvironment environment, ILoggerFactory loggers)
    : IConfigureOptions<KeyManagementOptions>
{
    public void Configure(KeyManagementOptions keys)
    {
        var certificate = DataProtectionCertificate.Load(options.Value.DataProtection);
        if (certificate is null)
        {
            KeysUnencrypted(loggers.CreateLogger<DataProtectionKeyEncryptionSetup>(), environment.EnvironmentName);
            return;
        }

        keys.XmlEncryptor = new CertificateKeyEncryptor(new CertificateXmlEncryptor(certificate, loggers));
    }

    /// <summary>The framework's certificate encryption, naming <see cref="CertificateKeyDecryptor"/> as the decryptor.</summary>
    sealed class CertificateKeyEncryptor(CertificateXmlEncryptor inner) : IXmlEncryptor
    {
        public EncryptedXmlInfo Encrypt(System.Xml.Linq.XElement plaintextElement) =>
            new(inner.Encrypt(plaintextElement).EncryptedElement, typeof(CertificateKeyDecryptor));
    }

    [LoggerMessage(EventId = 1011, Level = LogLevel.Warning,
        Message = "Data Protection keys are stored unencrypted ({Environment}): set FigiAuth:DataProtection:CertificatePath")]
    static partial void KeysUnencrypted(ILogger logger, string environment);
}
