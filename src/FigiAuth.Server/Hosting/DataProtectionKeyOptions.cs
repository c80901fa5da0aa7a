namespace FigiAuth.Server.Hosting;

/// <summary>
/// Encryption at rest of the Data Protection key ring ("FigiAuth:DataProtection"). The ring lives in the database;
/// with a certificate every new key's XML is encrypted to it (ProtectKeysWithCertificate) and any node holding the
/// same certificate can read it. Required outside Development; in Development keys are stored unencrypted, with a
/// warning at start.
/// </summary>
public sealed class DataProtectionKeyOptions
{
    /// <summary>An RSA certificate with its private key: PKCS#12 (.pfx), or PEM when <see cref="CertificateKeyPath"/> is set.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>Password of the PKCS#12 file, or of an encrypted PEM private key.</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>PEM private key of the PEM certificate in <see cref="CertificatePath"/>.</summary>
    public string? CertificateKeyPath { get; set; }
}
