using System.Buffers.Binary;
using System.Security.Cryptography;
using FigiAuth.Uaf.Encoding;
using FigiAuth.Uaf.Messages;

namespace FigiAuth.Uaf.Verification;

/// <summary>
/// MACs <c>header.serverData</c> (UAF.md §2.1: servers should MAC it and bind it to the challenge).
/// Layout: base64url( 0x01 | op | expiry (int64 BE, Unix seconds) | len16 | challenge | len16 | username | HMAC-SHA256 ).
/// The key comes from the host's secret store; it must be at least 32 bytes.
/// </summary>
public sealed class ServerDataProtector
{
    private const byte FormatVersion = 1;
    private const int MacLength = 32;
    private readonly byte[] _key;

    public ServerDataProtector(ReadOnlySpan<byte> key)
    {
        if (key.Length < 32)
            throw new ArgumentException("the serverData MAC key must be at least 32 bytes", nameof(key));
        _key = key.ToArray();
    }

    public string Protect(UafOperation operation, string challenge, string? username, DateTimeOffset expiresAt)
    {
        var c = System.Text.Encoding.UTF8.GetBytes(challenge);
        var u = System.Text.Encoding.UTF8.GetBytes(username ?? "");
        var payload = new byte[1 + 1 + 8 + 2 + c.Length + 2 + u.Length];
        payload[0] = FormatVersion;
        payload[1] = (byte)operation;
        BinaryPrimitives.WriteInt64BigEndian(payload.AsSpan(2), expiresAt.ToUnixTimeSeconds());
        BinaryPrimitives.WriteUInt16BigEndian(payload.AsSpan(10), (ushort)c.Length);
        c.CopyTo(payload, 12);
        BinaryPrimitives.WriteUInt16BigEndian(payload.AsSpan(12 + c.Length), (ushort)u.Length);
        u.CopyTo(payload, 14 + c.Length);
        var result = new byte[payload.Length + MacLength];
        payload.CopyTo(result, 0);
        HMACSHA256.HashData(_key, payload, result.AsSpan(payload.Length));
        return StrictBase64Url.Encode(result);
    }

    /// <summary>
    /// REG-03 / AUTH-03, first half: the MAC verifies (fixed-time), the format is ours, the operation
    /// matches and it has not expired. Any failure is 1491 with <paramref name="stepId"/>.
    /// </summary>
    public UafResult<ServerDataClaims> Unprotect(string? serverData, UafOperation operation, DateTimeOffset now, string stepId)
    {
        var failure = new UafFailure(UafStatusCode.RequestInvalid, stepId, "serverData is missing, tampered or not ours");
        if (!StrictBase64Url.TryDecode(serverData, out var bytes) || bytes.Length < 14 + MacLength)
            return failure;
        var payload = bytes.AsSpan(0, bytes.Length - MacLength);
        Span<byte> mac = stackalloc byte[MacLength];
        HMACSHA256.HashData(_key, payload, mac);
        if (!FixedTime.Equal(mac, bytes.AsSpan(payload.Length)) || payload[0] != FormatVersion)
            return failure;
        var c = BinaryPrimitives.ReadUInt16BigEndian(payload[10..]);
        if (12 + c + 2 > payload.Length)
            return failure;
        var u = BinaryPrimitives.ReadUInt16BigEndian(payload[(12 + c)..]);
        if (14 + c + u != payload.Length)
            return failure;
        if (payload[1] != (byte)operation)
            return failure with { Detail = "serverData was minted for another operation" };
        var expiresAt = DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(BinaryPrimitives.ReadInt64BigEndian(payload[2..]), 0, 253402300799));
        if (expiresAt <= now)
            return failure with { Detail = "serverData has expired" };
        return new ServerDataClaims(
            operation,
            System.Text.Encoding.UTF8.GetString(payload.Slice(12, c)),
            u == 0 ? null : System.Text.Encoding.UTF8.GetString(payload.Slice(14 + c, u)),
            expiresAt);
    }
}
