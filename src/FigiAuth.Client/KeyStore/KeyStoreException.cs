namespace FigiAuth.Client.KeyStore;

public enum KeyStoreError
{
    /// <summary>The PIN does not open this key store.</summary>
    WrongPin,
    /// <summary>The file was changed or damaged (bad header or AES-GCM tag mismatch).</summary>
    Corrupted,
    /// <summary>The file was written by a newer format version.</summary>
    UnsupportedVersion,
}

public sealed class KeyStoreException(KeyStoreError error, string message, Exception? inner = null) : Exception(message, inner)
{
    public KeyStoreError Error { get; } = error;
}
