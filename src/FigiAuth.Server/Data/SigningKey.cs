namespace FigiAuth.Server.Data;

/// <summary>A token signing key published in the JWKS. The private key is protected with Data Protection.</summary>
public sealed class SigningKey
{
    public required string Kid { get; set; }

    public required string Algorithm { get; set; }

    /// <summary>PKCS#8 private key, protected with Data Protection.</summary>
    public required byte[] ProtectedPrivateKey { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The key signs until then; it stays published until every token it signed has expired.</summary>
    public DateTimeOffset NotAfter { get; set; }
}
