namespace FigiAuth.Server.Hosting;

/// <summary>
/// The token signing key ("FigiAuth:Signing"). By default an ES256 key is created in the database on first
/// start (its private key protected with Data Protection) and kept. Set <see cref="CertificatePath"/> to sign
/// with a P-256 key from a PKCS#12 file instead; set <see cref="RequireConfiguredKey"/> to refuse to start
/// outside Development without one.
/// </summary>
public sealed class SigningOptions
{
    public bool RequireConfiguredKey { get; set; }

    /// <summary>PKCS#12 (.pfx) file holding a P-256 certificate and its private key.</summary>
    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }

    /// <summary>How long a key created by the server is used to sign. Default: 90 days.</summary>
    public TimeSpan KeyLifetime { get; set; } = TimeSpan.FromDays(90);
}
