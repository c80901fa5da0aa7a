using FigiAuth.Uaf.Algorithms;

namespace FigiAuth.Client.Development;

/// <summary>MDS3 (metadata statement v3) string names of the FIDO Registry values the profiles use.</summary>
internal static class MetadataNames
{
    public static string Of(UafSignatureAlgorithm algorithm) => algorithm switch
    {
        UafSignatureAlgorithm.Secp256r1EcdsaSha256Raw => "secp256r1_ecdsa_sha256_raw",
        UafSignatureAlgorithm.Secp256r1EcdsaSha256Der => "secp256r1_ecdsa_sha256_der",
        UafSignatureAlgorithm.RsassaPssSha256Raw => "rsassa_pss_sha256_raw",
        UafSignatureAlgorithm.RsassaPssSha256Der => "rsassa_pss_sha256_der",
        UafSignatureAlgorithm.Secp256k1EcdsaSha256Raw => "secp256k1_ecdsa_sha256_raw",
        UafSignatureAlgorithm.Secp256k1EcdsaSha256Der => "secp256k1_ecdsa_sha256_der",
        UafSignatureAlgorithm.Sm2Sm3Raw => "sm2_sm3_raw",
        UafSignatureAlgorithm.RsaEmsaPkcs1Sha256Raw => "rsa_emsa_pkcs1_sha256_raw",
        UafSignatureAlgorithm.RsaEmsaPkcs1Sha256Der => "rsa_emsa_pkcs1_sha256_der",
        UafSignatureAlgorithm.Secp384r1EcdsaSha384Raw => "secp384r1_ecdsa_sha384_raw",
        UafSignatureAlgorithm.Secp521r1EcdsaSha512Raw => "secp521r1_ecdsa_sha512_raw",
        UafSignatureAlgorithm.Ed25519EddsaSha512Raw => "ed25519_eddsa_sha512_raw",
        _ => throw new NotSupportedException($"no MDS3 name for {algorithm}"),
    };

    public static string Of(UafPublicKeyEncoding encoding) => encoding switch
    {
        UafPublicKeyEncoding.EccX962Raw => "ecc_x962_raw",
        UafPublicKeyEncoding.EccX962Der => "ecc_x962_der",
        UafPublicKeyEncoding.Rsa2048Raw => "rsa_2048_raw",
        UafPublicKeyEncoding.Rsa2048Der => "rsa_2048_der",
        UafPublicKeyEncoding.Cose => "cose",
        _ => throw new NotSupportedException($"no MDS3 name for {encoding}"),
    };

    public static string Of(UafAttestationType attestation) => attestation switch
    {
        UafAttestationType.BasicFull => "basic_full",
        UafAttestationType.BasicSurrogate => "basic_surrogate",
        _ => throw new NotSupportedException($"no MDS3 name for {attestation}"),
    };
}
