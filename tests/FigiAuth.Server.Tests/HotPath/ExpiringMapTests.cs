using FigiAuth.Server.HotPath;

namespace FigiAuth.Server.Tests.HotPath;

public sealed class ExpiringMapTests
{
    static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    static ExpiringMap<string, string> MapWith(string key, string value, int capacity = 10)
    {
        var map = new ExpiringMap<string, string>(capacity);
        map.TryAdd(key, value, Now.AddSeconds(30), map.Generation);
        return map;
    }

    [Fact]
    public void Finds_AnEntryBeforeItExpires()
    {
        var map = MapWith("k", "v");

        Assert.True(map.TryGet("k", Now.AddSeconds(29), out var value));
        Assert.Equal("v", value);
    }

    [Fact]
    public void Misses_AnEntryAtItsExpiry()
    {
        var map = MapWith("k", "v");

        Assert.False(map.TryGet("k", Now.AddSeconds(30), out _));
    }

    [Fact]
    public void Misses_AfterClear()
    {
        var map = MapWith("k", "v");

        map.Clear();

        Assert.False(map.TryGet("k", Now, out _));
    }

    [Fact]
    public void Misses_AnEntryReadBeforeAClearAndAddedAfterIt()
    {
        var map = new ExpiringMap<string, string>(10);
        var readGeneration = map.Generation;

        map.Clear();
        map.TryAdd("k", "stale", Now.AddSeconds(30), readGeneration);

        Assert.False(map.TryGet("k", Now, out _));
        Assert.False(map.TryTake("k", Now, out _));
    }

    [Fact]
    public void TakesAnEntryOnce()
    {
        var map = MapWith("k", "v");

        Assert.True(map.TryTake("k", Now, out var value));
        Assert.Equal("v", value);
        Assert.False(map.TryTake("k", Now, out _));
        Assert.Equal(0, map.Count);
    }

    [Fact]
    public void Takes_NothingWhenTheEntryExpired()
    {
        var map = MapWith("k", "v");

        Assert.False(map.TryTake("k", Now.AddMinutes(1), out _));
    }

    [Fact]
    public void SkipsAdds_BeyondCapacity()
    {
        var map = MapWith("a", "1", capacity: 1);

        map.TryAdd("b", "2", Now.AddSeconds(30), map.Generation);

        Assert.False(map.TryGet("b", Now, out _));
        Assert.True(map.TryGet("a", Now, out _));
    }

    [Fact]
    public void Updates_ACurrentEntryOnly()
    {
        var map = MapWith("k", "v");

        Assert.True(map.TryUpdate("k", v => v + "2"));
        Assert.False(map.TryUpdate("missing", v => v + "2"));
        Assert.True(map.TryGet("k", Now, out var value));
        Assert.Equal("v2", value);
    }

    [Fact]
    public void RemovesExpiredEntries_AndCountsWhatIsLeft()
    {
        var map = MapWith("old", "1");
        map.TryAdd("new", "2", Now.AddMinutes(5), map.Generation);

        var removed = map.RemoveExpired(Now.AddMinutes(1));

        Assert.Equal(1, removed);
        Assert.Equal(1, map.Count);
        Assert.True(map.TryGet("new", Now.AddMinutes(1), out _));
    }
}
