using FigiAuth.Uaf.Algorithms;

namespace FigiAuth.Client.KeyStore;

/// <summary>One UAuth key the authenticator created: (AAID, KeyID) identifies it on the server.</summary>
public sealed record KeyRecord(
    string Aaid,
    string KeyId,
    string Username,
    string AppId,
    byte[] PrivateKeyPkcs8,
    UafSignatureAlgorithm Algorithm,
    UafPublicKeyEncoding KeyEncoding,
    uint SignCounter,
    uint RegCounter,
    DateTimeOffset Created);
