namespace FigiAuth.Uaf.Algorithms;

/// <summary>ALG_SIGN values of the FIDO Registry of Predefined Values (authenticationAlgorithms).</summary>
public enum UafSignatureAlgorithm : ushort
{
    Secp256r1EcdsaSha256Raw = 0x0001,
    Secp256r1EcdsaSha256Der = 0x0002,
    RsassaPssSha256Raw = 0x0003,
    RsassaPssSha256Der = 0x0004,
    Secp256k1EcdsaSha256Raw = 0x0005,
    Secp256k1EcdsaSha256Der = 0x0006,
    Sm2Sm3Raw = 0x0007,
    RsaEmsaPkcs1Sha256Raw = 0x0008,
    RsaEmsaPkcs1Sha256Der = 0x0009,
    RsassaPssSha384Raw = 0x000A,
    RsassaPssSha512Raw = 0x000B,
    RsassaPkcsv15Sha256Raw = 0x000C,
    RsassaPkcsv15Sha384Raw = 0x000D,
    RsassaPkcsv15Sha512Raw = 0x000E,
    RsassaPkcsv15Sha1Raw = 0x000F,
    Secp384r1EcdsaSha384Raw = 0x0010,
    Secp521r1EcdsaSha512Raw = 0x0011,
    Ed25519EddsaSha512Raw = 0x0012,
    Ed448EddsaSha512Raw = 0x0013,
}
