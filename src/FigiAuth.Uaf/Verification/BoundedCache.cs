using System.Collections.Concurrent;

namespace FigiAuth.Uaf.Verification;

/// <summary>
/// A thread-safe map that holds at most <c>capacity</c> entries: adding to a full one first evicts
/// an arbitrary entry. For caches fed by attacker-chosen input (keys, certificates), where the bound
/// matters more than the hit rate of any one entry. Evicted values are not disposed (another thread
/// may still use them); values holding native handles are released by finalization. Reads take no
/// lock; writes (cache misses) take one, so the bound also holds while threads add at once.
/// </summary>
internal sealed class BoundedCache<TKey, TValue>
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, TValue> _entries;
    private readonly int _capacity;
    private readonly Lock _writeLock = new();

    public BoundedCache(int capacity, IEqualityComparer<TKey>? comparer = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
        _entries = new(comparer);
    }

    public int Count => _entries.Count;

    public bool TryGet(TKey key, out TValue value) => _entries.TryGetValue(key, out value!);

    /// <summary>Adds or replaces the entry for <paramref name="key"/>, evicting others while full.</summary>
    public void Set(TKey key, TValue value)
    {
        // Writers take turns: unlocked, two Sets could both see a free slot (or one's eviction could fail
        // because the other removed the same entry) and both insert, leaving more than capacity entries.
        lock (_writeLock)
        {
            while (_entries.Count >= _capacity && !_entries.ContainsKey(key) && EvictOne())
            {
            }
            _entries[key] = value;
        }
    }

    public void Clear()
    {
        lock (_writeLock)
            _entries.Clear();
    }

    private bool EvictOne()
    {
        foreach (var pair in _entries)
            return _entries.TryRemove(pair.Key, out _);
        return false;
    }
}
