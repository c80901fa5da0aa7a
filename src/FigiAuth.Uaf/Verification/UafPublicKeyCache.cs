using FigiAuth.Uaf.Algorithms;
using FigiAuth.Uaf.Crypto;

namespace FigiAuth.Uaf.Verification;

/// <summary>
/// Imported UAuth.pub keys, so the authentication hot path does not re-import. Bounded and thread-safe.
/// Entries are found by the registration identity (AAID, case-insensitive, and KeyID) and hold a copy
/// of the key bytes, algorithm and encoding they were imported from; a hit is used only when those
/// equal the registration's (a byte comparison, no hashing), so a re-registered (AAID, KeyID) with
/// another key never uses a stale entry: it is re-imported and replaces it. Evicted keys are not
/// disposed (another thread may be verifying with them); their handles are released by finalization.
/// </summary>
public sealed class UafPublicKeyCache
{
    private readonly BoundedCache<(string Aaid, string KeyId), Entry> _entries;

    public UafPublicKeyCache(int capacity = 10_000) => _entries = new(capacity, IdentityComparer.Instance);

    public int Count => _entries.Count;

    /// <summary>Verifies <paramref name="signature"/> over <paramref name="data"/> with the registration's key.</summary>
    public UafResult<bool> Verify(StoredUafRegistration registration, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature, string stepId)
    {
        var identity = (registration.Aaid, registration.KeyId);
        if (!_entries.TryGet(identity, out var entry) || !entry.IsFor(registration))
        {
            var imported = UafPublicKey.Import(registration.SignatureAlgorithm, registration.PublicKeyEncoding, registration.PublicKey, stepId);
            if (!imported.Succeeded)
                return imported.Failure;
            entry = new Entry(imported.Value, registration.SignatureAlgorithm, registration.PublicKeyEncoding, registration.PublicKey.ToArray());
            _entries.Set(identity, entry);
        }
        // .NET does not promise that one asymmetric key object verifies on several threads at once.
        lock (entry)
            return entry.Key.Verify(data, signature);
    }

    private sealed record Entry(UafPublicKey Key, UafSignatureAlgorithm Algorithm, UafPublicKeyEncoding Encoding, byte[] PublicKey)
    {
        public bool IsFor(StoredUafRegistration registration) =>
            registration.SignatureAlgorithm == Algorithm
            && registration.PublicKeyEncoding == Encoding
            && registration.PublicKey.AsSpan().SequenceEqual(PublicKey);
    }

    private sealed class IdentityComparer : IEqualityComparer<(string Aaid, string KeyId)>
    {
        public static readonly IdentityComparer Instance = new();

        public bool Equals((string Aaid, string KeyId) x, (string Aaid, string KeyId) y) =>
            string.Equals(x.KeyId, y.KeyId, StringComparison.Ordinal) && string.Equals(x.Aaid, y.Aaid, StringComparison.OrdinalIgnoreCase);

        public int GetHashCode((string Aaid, string KeyId) obj) =>
            HashCode.Combine(StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Aaid), StringComparer.Ordinal.GetHashCode(obj.KeyId));
    }
}
