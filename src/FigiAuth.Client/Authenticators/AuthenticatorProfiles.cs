using FigiAuth.Uaf.Algorithms;
using FigiAuth.Uaf.Messages;

namespace FigiAuth.Client.Authenticators;

/// <summary>
/// The software authenticator models, under the DEVELOPMENT-ONLY vendor ID <c>F1D0</c> (not a
/// registered FIDO vendor; <c>FFFF</c> belongs to the conformance tool). Model numbers follow the
/// ALG_SIGN value; 0x01xx are variants. Never trust these AAIDs in production.
/// </summary>
public static class AuthenticatorProfiles
{
    public const string VendorId = "F1D0";

    public static AuthenticatorProfile P256Raw { get; } = new("F1D0#0001", "FigiAuth dev software authenticator, P-256 raw, basic full (DEVELOPMENT ONLY)",
        UafSignatureAlgorithm.Secp256r1EcdsaSha256Raw, UafPublicKeyEncoding.EccX962Raw, UafAttestationType.BasicFull);

    public static AuthenticatorProfile P256Der { get; } = new("F1D0#0002", "FigiAuth dev software authenticator, P-256 DER, basic full (DEVELOPMENT ONLY)",
        UafSignatureAlgorithm.Secp256r1EcdsaSha256Der, UafPublicKeyEncoding.EccX962Der, UafAttestationType.BasicFull);

    public static AuthenticatorProfile RsaPssRaw { get; } = new("F1D0#0003", "FigiAuth dev software authenticator, RSASSA-PSS SHA-256 raw (DEVELOPMENT ONLY)",
        UafSignatureAlgorithm.RsassaPssSha256Raw, UafPublicKeyEncoding.Rsa2048Raw, UafAttestationType.BasicSurrogate);

    public static AuthenticatorProfile RsaPssDer { get; } = new("F1D0#0004", "FigiAuth dev software authenticator, RSASSA-PSS SHA-256 DER (DEVELOPMENT ONLY)",
        UafSignatureAlgorithm.RsassaPssSha256Der, UafPublicKeyEncoding.Rsa2048Der, UafAttestationType.BasicSurrogate);

    public static AuthenticatorProfile Secp256k1Raw { get; } = new("F1D0#0005", "FigiAuth dev software authenticator, secp256k1 raw (DEVELOPMENT ONLY)",
        UafSignatureAlgorithm.Secp256k1EcdsaSha256Raw, UafPublicKeyEncoding.EccX962Raw, UafAttestationType.BasicSurrogate);

    public static AuthenticatorProfile Secp256k1Der { get; } = new("F1D0#0006", "FigiAuth dev software authenticator, secp256k1 DER (DEVELOPMENT ONLY)",
        UafSignatureAlgorithm.Secp256k1EcdsaSha256Der, UafPublicKeyEncoding.EccX962Der, UafAttestationType.BasicSurrogate);

    public static AuthenticatorProfile RsaPkcs1Raw { get; } = new("F1D0#0008", "FigiAuth dev software authenticator, RSA PKCS#1 v1.5 SHA-256 raw (DEVELOPMENT ONLY)",
        UafSignatureAlgorithm.RsaEmsaPkcs1Sha256Raw, UafPublicKeyEncoding.Rsa2048Raw, UafAttestationType.BasicSurrogate);

    public static AuthenticatorProfile RsaPkcs1Der { get; } = new("F1D0#0009", "FigiAuth dev software authenticator, RSA PKCS#1 v1.5 SHA-256 DER (DEVELOPMENT ONLY)",
        UafSignatureAlgorithm.RsaEmsaPkcs1Sha256Der, UafPublicKeyEncoding.Rsa2048Der, UafAttestationType.BasicSurrogate);

    public static AuthenticatorProfile P384Raw { get; } = new("F1D0#0010", "FigiAuth dev software authenticator, P-384 raw (DEVELOPMENT ONLY)",
        UafSignatureAlgorithm.Secp384r1EcdsaSha384Raw, UafPublicKeyEncoding.EccX962Raw, UafAttestationType.BasicSurrogate);

    public static AuthenticatorProfile P521Raw { get; } = new("F1D0#0011", "FigiAuth dev software authenticator, P-521 raw (DEVELOPMENT ONLY)",
        UafSignatureAlgorithm.Secp521r1EcdsaSha512Raw, UafPublicKeyEncoding.EccX962Raw, UafAttestationType.BasicSurrogate);

    public static AuthenticatorProfile Ed25519 { get; } = new("F1D0#0012", "FigiAuth dev software authenticator, Ed25519 with a COSE key (DEVELOPMENT ONLY)",
        UafSignatureAlgorithm.Ed25519EddsaSha512Raw, UafPublicKeyEncoding.Cose, UafAttestationType.BasicSurrogate);

    public static AuthenticatorProfile P256RawSurrogate { get; } = new("F1D0#0101", "FigiAuth dev software authenticator, P-256 raw, basic surrogate (DEVELOPMENT ONLY)",
        UafSignatureAlgorithm.Secp256r1EcdsaSha256Raw, UafPublicKeyEncoding.EccX962Raw, UafAttestationType.BasicSurrogate);

    /// <summary>P-256 with a PNG transaction display (the server must render the text as a PNG).</summary>
    public static AuthenticatorProfile P256Png { get; } = new("F1D0#0201", "FigiAuth dev software authenticator, P-256 raw, PNG transaction display (DEVELOPMENT ONLY)",
        UafSignatureAlgorithm.Secp256r1EcdsaSha256Raw, UafPublicKeyEncoding.EccX962Raw, UafAttestationType.BasicFull, Transaction.ImagePng)
    {
        TcDisplayPngCharacteristics = [new DisplayPngCharacteristicsDescriptor
        {
            Width = 320, Height = 240, BitDepth = 8, ColorType = 2, Compression = 0, Filter = 0, Interlace = 0,
        }],
    };

    /// <summary>Every profile; the first is the default.</summary>
    public static IReadOnlyList<AuthenticatorProfile> All { get; } =
    [
        P256Raw, P256Der, RsaPssRaw, RsaPssDer, Secp256k1Raw, Secp256k1Der, RsaPkcs1Raw, RsaPkcs1Der,
        P384Raw, P521Raw, Ed25519, P256RawSurrogate, P256Png,
    ];

    /// <summary>Finds a profile by AAID (case-insensitive hex) or null.</summary>
    public static AuthenticatorProfile? Find(string aaid) =>
        All.FirstOrDefault(p => string.Equals(p.Aaid, aaid, StringComparison.OrdinalIgnoreCase));
}
