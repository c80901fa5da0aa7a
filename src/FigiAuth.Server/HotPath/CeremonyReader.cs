using System.Collections.Concurrent;
using System.Data.Common;
using FigiAuth.Server.Data;
using IssuedUafRequest = FigiAuth.Uaf.Verification.IssuedUafRequest;

namespace FigiAuth.Server.HotPath;

/// <summary>
/// The hot path's reads, outside any transaction: a small pool of open connections, each with its statements
/// prepared once. SQLite in WAL mode lets these readers run beside the one writer; a read never takes a lock that a
/// writer waits for. Every read is a single indexed lookup, made only when <see cref="HotPathCache"/> has no answer.
/// The reads are asynchronous for PostgreSQL's sake (a network round trip must not hold a pool thread);
/// Microsoft.Data.Sqlite completes them synchronously.
/// </summary>
internal sealed class CeremonyReader(HotPathDialect dialect, HotPathCache cache) : IDisposable
{
    const int MaxIdle = 16;
    readonly ConcurrentBag<Session> idle = [];
    bool disposed;

    /// <summary>The challenge as issued; taken from memory when this process issued it (an answer peeks it only once).</summary>
    public Task<PeekedChallenge?> PeekChallengeAsync(string challenge, DateTimeOffset now, CancellationToken ct = default) =>
        cache.Challenges.TryTake(challenge, now, out var issued)
            ? Task.FromResult<PeekedChallenge?>(issued)
            : ReadChallengeAsync(challenge, now, ct);

    public Task<RegistrationRow?> FindRegistrationAsync(string appId, string aaid, string keyId, CancellationToken ct = default) =>
        cache.Registrations.TryGet((appId, aaid, keyId), cache.Now, out var row)
            ? Task.FromResult<RegistrationRow?>(row)
            : Remembered(cache.Registrations, (appId, aaid, keyId), () => ReadRegistrationAsync(appId, aaid, keyId, ct));

    /// <summary>The user of this normalized name and its usable keys of <paramref name="appId"/>; null when there is no such user.</summary>
    public Task<UserKeys?> FindUserKeysAsync(string normalizedName, string appId, CancellationToken ct = default) =>
        cache.UserKeys.TryGet((appId, normalizedName), cache.Now, out var keys)
            ? Task.FromResult<UserKeys?>(keys)
            : Remembered(cache.UserKeys, (appId, normalizedName), () => ReadUserKeysAsync(normalizedName, appId, ct));

    /// <summary>Reads and keeps what was found (not an absence: a row added later must be found at once).</summary>
    async Task<T?> Remembered<TKey, T>(ExpiringMap<TKey, T> map, TKey key, Func<Task<T?>> read)
        where TKey : notnull where T : class
    {
        var generation = map.Generation;
        var value = await read();
        if (value is not null)
        {
            map.TryAdd(key, value, cache.Now + HotPathCache.Lifetime, generation);
        }

        return value;
    }

    Task<PeekedChallenge?> ReadChallengeAsync(string challenge, DateTimeOffset now, CancellationToken ct) => UseAsync(async s =>
    {
        await using var reader = await s.Peek.With(null, challenge, dialect.Time(now)).ReadAsync(ct);
        if (!await reader.ReadAsync(ct))
        {
            return (PeekedChallenge?)null;
        }

        return new PeekedChallenge(challenge, (CeremonyPurpose)Convert.ToInt32(reader.GetValue(0)),
            reader.IsDBNull(1) ? null : dialect.ReadGuid(reader, 1), reader.IsDBNull(2) ? null : reader.GetString(2),
            reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4), dialect.ReadTime(reader, 5));
    });

    Task<RegistrationRow?> ReadRegistrationAsync(string appId, string aaid, string keyId, CancellationToken ct) => UseAsync(async s =>
    {
        await using var reader = await s.Registration.With(null, appId, aaid, keyId).ReadAsync(ct);
        if (!await reader.ReadAsync(ct))
        {
            return (RegistrationRow?)null;
        }

        return new RegistrationRow(dialect.ReadGuid(reader, 0), dialect.ReadGuid(reader, 1), reader.IsDBNull(2) ? "" : reader.GetString(2),
            reader.GetString(3), reader.GetString(4), (byte[])reader.GetValue(5), (ushort)Convert.ToInt32(reader.GetValue(6)),
            (ushort)Convert.ToInt32(reader.GetValue(7)), Convert.ToInt64(reader.GetValue(8)),
            (UafRegistrationStatus)Convert.ToInt32(reader.GetValue(9)));
    });

    Task<UserKeys?> ReadUserKeysAsync(string normalizedName, string appId, CancellationToken ct) => UseAsync(async s =>
    {
        await using var reader = await s.UserKeys.With(null, appId, normalizedName).ReadAsync(ct);
        Guid? userId = null;
        var keys = new List<(string Aaid, string KeyId)>();
        while (await reader.ReadAsync(ct))
        {
            userId = dialect.ReadGuid(reader, 0);
            if (!reader.IsDBNull(1))
            {
                keys.Add((reader.GetString(1), reader.GetString(2)));
            }
        }

        return userId is { } id ? new UserKeys(id, keys) : (UserKeys?)null;
    });

    async Task<T> UseAsync<T>(Func<Session, Task<T>> read)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (!idle.TryTake(out var session))
        {
            session = new Session(dialect.Open());
        }

        var ok = false;
        try
        {
            var result = await read(session);
            ok = true;
            return result;
        }
        finally
        {
            // A session that failed mid-read is dropped: its connection may be in any state.
            if (ok && !disposed && idle.Count < MaxIdle)
            {
                idle.Add(session);
            }
            else
            {
                session.Dispose();
            }
        }
    }

    public void Dispose()
    {
        disposed = true;
        while (idle.TryTake(out var session))
        {
            session.Dispose();
        }
    }

    sealed class Session(DbConnection connection) : IDisposable
    {
        public PreparedCommand Peek { get; } = new(connection, HotPathSql.PeekChallenge, "@challenge", "@now");
        public PreparedCommand Registration { get; } = new(connection, HotPathSql.FindRegistration, "@appId", "@aaid", "@keyId");
        public PreparedCommand UserKeys { get; } = new(connection, HotPathSql.FindUserKeys, "@appId", "@name");

        public void Dispose()
        {
            Peek.Dispose();
            Registration.Dispose();
            UserKeys.Dispose();
            connection.Dispose();
        }
    }
}

/// <summary>
/// A challenge row as read, not consumed. <paramref name="Issued"/>: what the core compares the answer with, when this
/// process issued the challenge and still holds it (the same request <paramref name="PayloadJson"/> was written from),
/// so the answer does not parse the payload back.
/// </summary>
internal sealed record PeekedChallenge(string Challenge, CeremonyPurpose Purpose, Guid? UserId, string? Username, string AppId,
    string? PayloadJson, DateTimeOffset ExpiresAt, IssuedUafRequest? Issued = null);

internal sealed record RegistrationRow(Guid Id, Guid UserId, string UserName, string Aaid, string KeyId, byte[] PublicKey,
    ushort SignatureAlgorithm, ushort PublicKeyEncoding, long SignCounter, UafRegistrationStatus Status);

internal sealed record UserKeys(Guid UserId, IReadOnlyList<(string Aaid, string KeyId)> Keys);
