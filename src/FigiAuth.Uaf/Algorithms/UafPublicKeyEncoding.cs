namespace FigiAuth.Uaf.Algorithms;

/// <summary>ALG_KEY values of the FIDO Registry (publicKeyAlgAndEncodings).</summary>
public enum UafPublicKeyEncoding : ushort
{
    /// <summary>Uncompressed X9.62 point <c>04 | X | Y</c>.</summary>
    EccX962Raw = 0x0100,
    /// <summary>DER SubjectPublicKeyInfo with a named curve.</summary>
    EccX962Der = 0x0101,
    /// <summary>Modulus (256 bytes, big-endian) followed by the public exponent.</summary>
    Rsa2048Raw = 0x0102,
    /// <summary>DER RSAPublicKey; some authenticators send a SubjectPublicKeyInfo, accepted too.</summary>
    Rsa2048Der = 0x0103,
    /// <summary>COSE_Key.</summary>
    Cose = 0x0104,
}
