using System.Collections.Concurrent;

namespace FigiAuth.Server.HotPath;

/// <summary>
/// A concurrent map whose entries expire at a time each was given and which <see cref="Clear"/> empties at once, also of
/// entries that a reader was adding at that moment: every entry carries the generation its value was read under, and a
/// read that began before a <see cref="Clear"/> can only add an entry of the old generation, which no lookup returns.
/// Holds at most about <c>capacity</c> entries; beyond that an add is skipped (the caller reads the database instead).
/// </summary>
internal sealed class ExpiringMap<TKey, TValue>(int capacity) where TKey : notnull
{
    readonly ConcurrentDictionary<TKey, Entry> entries = new();
    long generation;
    int count;

    /// <summary>Read this before reading the value from the database, and pass it to <see cref="TryAdd"/>.</summary>
    public long Generation => Volatile.Read(ref generation);

    public int Count => Volatile.Read(ref count);

    public bool TryGet(TKey key, DateTimeOffset now, out TValue value)
    {
        if (entries.TryGetValue(key, out var entry) && IsCurrent(entry, now))
        {
            value = entry.Value;
            return true;
        }

        value = default!;
        return false;
    }

    /// <summary>Removes the entry and returns its value if it was current (not expired, not cleared).</summary>
    public bool TryTake(TKey key, DateTimeOffset now, out TValue value)
    {
        if (entries.TryRemove(key, out var entry))
        {
            Interlocked.Decrement(ref count);
            if (IsCurrent(entry, now))
            {
                value = entry.Value;
                return true;
            }
        }

        value = default!;
        return false;
    }

    /// <param name="readGeneration"><see cref="Generation"/> as it was before the value was read.</param>
    public void TryAdd(TKey key, TValue value, DateTimeOffset expiresAt, long readGeneration)
    {
        if (Volatile.Read(ref count) >= capacity)
        {
            return;
        }

        var entry = new Entry(value, expiresAt, readGeneration);
        if (entries.TryAdd(key, entry))
        {
            Interlocked.Increment(ref count);
        }
        else
        {
            entries[key] = entry;
        }
    }

    /// <summary>Replaces a current entry's value (keeping its expiry); false when there is none.</summary>
    public bool TryUpdate(TKey key, Func<TValue, TValue> change)
    {
        while (entries.TryGetValue(key, out var entry) && entry.Generation == Generation)
        {
            if (entries.TryUpdate(key, entry with { Value = change(entry.Value) }, entry))
            {
                return true;
            }
        }

        return false;
    }

    public void Remove(TKey key)
    {
        if (entries.TryRemove(key, out _))
        {
            Interlocked.Decrement(ref count);
        }
    }

    /// <summary>Forgets every entry, including one a concurrent reader adds from what it read before this call.</summary>
    public void Clear()
    {
        Interlocked.Increment(ref generation);
        entries.Clear();
        Volatile.Write(ref count, entries.Count);
    }

    /// <summary>Drops expired and cleared entries; returns how many were dropped.</summary>
    public int RemoveExpired(DateTimeOffset now)
    {
        var removed = 0;
        foreach (var (key, entry) in entries)
        {
            if (!IsCurrent(entry, now) && entries.TryRemove(new KeyValuePair<TKey, Entry>(key, entry)))
            {
                removed++;
            }
        }

        Volatile.Write(ref count, entries.Count);
        return removed;
    }

    bool IsCurrent(Entry entry, DateTimeOffset now) => entry.ExpiresAt > now && entry.Generation == Generation;

    sealed record Entry(TValue Value, DateTimeOffset ExpiresAt, long Generation);
}
