namespace FigiAuth.Uaf.Crypto;

/// <summary>The kind of key and signature scheme behind an ALG_SIGN value (UAF.md §7.1).</summary>
internal enum UafKeyFamily
{
    Ecdsa,
    RsaPss,
    RsaPkcs1,
    Ed25519,
    Ed448,
    Sm2,
}
