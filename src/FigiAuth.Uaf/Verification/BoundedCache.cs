using System.Collections.Concurrent;

namespace FigiAuth.Uaf.Verification;

/// <summary>
/// A thread-safe map that holds at most <c>capacity</c> entries: adding to a full one first evicts
/// an arbitrary entry. For caches fed by attacker-chosen input (keys, certificates), where the bound
/// matters more than the hit rate of any one entry. Evicted values are not disposed (another thread
/// may still use them); values holding native handles are released by finalization.
/// </summary>
internal sealed class BoundedCache<TKey, TValue>
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, TValue> _entries;
    private readonly int _capacity;

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
        while (_entries.Count >= _capacity && !_entries.ContainsKey(key) && EvictOne())
        {
        }
        _entries[key] = value;
    }

    public void Clear() => _entries.Clear();

    private bool EvictOne()
    {
        foreach (var pair in _entries)
            return _entries.TryRemove(pair.Key, out _);
        return false;
    }
}
