using FigiAuth.Uaf.Algorithms;

namespace FigiAuth.Uaf.Tests.Crypto;

/// <summary>A key pair made in the test: its public key in every ALG_KEY it is offered in, and a signer.</summary>
public sealed record TestKey(
    UafSignatureAlgorithm Algorithm,
    IReadOnlyDictionary<UafPublicKeyEncoding, byte[]> Encodings,
    byte[]? SubjectPublicKeyInfo,
    Func<byte[], byte[]> Sign);
