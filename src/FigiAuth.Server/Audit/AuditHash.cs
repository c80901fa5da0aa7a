using System.Security.Cryptography;
using System.Text.Json;
using FigiAuth.Server.Data;

namespace FigiAuth.Server.Audit;

/// <summary>The chain rule (SECURITY.md AUD-02): Hash = SHA-256(PrevHash || canonical bytes of the event).</summary>
internal static class AuditHash
{
    public static readonly byte[] Genesis = new byte[32];

    public static byte[] Compute(AuditEvent e)
    {
        var canonical = Canonicalize(e);
        var buffer = new byte[e.PrevHash.Length + canonical.Length];
        e.PrevHash.CopyTo(buffer, 0);
        canonical.CopyTo(buffer, e.PrevHash.Length);
        return SHA256.HashData(buffer);
    }

    /// <summary>A JSON array in a fixed field order; time as Unix milliseconds, so every database round-trips it.</summary>
    static byte[] Canonicalize(AuditEvent e)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartArray();
            w.WriteNumberValue(e.Seq);
            w.WriteNumberValue(e.At.ToUnixTimeMilliseconds());
            w.WriteStringValue(e.Type);
            WriteOrNull(w, e.UserId?.ToString("D"));
            WriteOrNull(w, e.Subject);
            WriteOrNull(w, e.StepId);
            if (e.StatusCode is { } status) w.WriteNumberValue(status); else w.WriteNullValue();
            w.WriteStringValue(e.DetailJson);
            w.WriteEndArray();
        }

        return stream.ToArray();
    }

    static void WriteOrNull(Utf8JsonWriter w, string? value)
    {
        if (value is null) w.WriteNullValue(); else w.WriteStringValue(value);
    }
}
