using System.Collections.Concurrent;
using System.Security.Cryptography;
using FigiAuth.Uaf.Algorithms;
using FigiAuth.Uaf.Crypto;

namespace FigiAuth.Uaf.Verification;

/// <summary>
/// Imported UAuth.pub keys, so the authentication hot path does not re-import. Bounded and thread-safe.
/// The cache key is the registration identity plus SHA-256 of the key bytes and the algorithm, so a
/// re-registered (AAID, KeyID) with another key never hits a stale entry. Evicted keys are not disposed
/// (another thread may be verifying with them); their handles are released by finalization.
/// </summary>
public sealed class UafPublicKeyCache
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly int _capacity;

    public UafPublicKeyCache(int capacity = 10_000)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
    }

    public int Count => _entries.Count;

    /// <summary>Verifies <paramref name="signature"/> over <paramref name="data"/> with the registration's key.</summary>
    public UafResult<bool> Verify(StoredUafRegistration registration, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature, string stepId)
    {
        var key = CacheKey(registration.Aaid, registration.KeyId, registration.SignatureAlgorithm, registration.PublicKeyEncoding, registration.PublicKey);
        if (!_entries.TryGetValue(key, out var entry))
        {
            var imported = UafPublicKey.Import(registration.SignatureAlgorithm, registration.PublicKeyEncoding, registration.PublicKey, stepId);
            if (!imported.Succeeded)
                return imported.Failure;
            entry = new Entry(imported.Value);
            while (_entries.Count >= _capacity && EvictOne())
            {
            }
            entry = _entries.GetOrAdd(key, entry);
        }
        // .NET does not promise that one asymmetric key object verifies on several threads at once.
        lock (entry)
            return entry.Key.Verify(data, signature);
    }

    private bool EvictOne()
    {
        foreach (var pair in _entries)
            return _entries.TryRemove(pair.Key, out _);
        return false;
    }

    private static string CacheKey(string aaid, string keyId, UafSignatureAlgorithm algorithm, UafPublicKeyEncoding encoding, byte[] publicKey) =>
        $"{aaid.ToUpperInvariant()}|{keyId}|{(ushort)algorithm:X4}|{(ushort)encoding:X4}|{Convert.ToHexString(SHA256.HashData(publicKey))}";

    private sealed record Entry(UafPublicKey Key);
}
