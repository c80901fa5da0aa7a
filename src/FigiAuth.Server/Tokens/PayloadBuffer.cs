using System.Buffers;
using System.Text.Json;

namespace FigiAuth.Server.Tokens;

/// <summary>
/// A JSON writer over a growable buffer, one per thread and reused for every token that thread issues, so a
/// token's payload costs no allocation. Safe because a token is written and signed synchronously: nothing else
/// runs on the thread between <see cref="Start"/> and the last read of <see cref="Written"/>.
/// </summary>
internal sealed class PayloadBuffer
{
    [ThreadStatic]
    static PayloadBuffer? perThread;

    readonly ArrayBufferWriter<byte> buffer = new(512);
    readonly Utf8JsonWriter writer;

    PayloadBuffer() => writer = new Utf8JsonWriter(buffer, AccessTokenPayload.WriterOptions);

    /// <summary>This thread's buffer, emptied, and its writer.</summary>
    public static Utf8JsonWriter Start(out PayloadBuffer payload)
    {
        payload = perThread ??= new PayloadBuffer();
        payload.buffer.ResetWrittenCount();
        payload.writer.Reset(payload.buffer);
        return payload.writer;
    }

    /// <summary>What the writer wrote, flushed.</summary>
    public ReadOnlySpan<byte> Written
    {
        get
        {
            writer.Flush();
            return buffer.WrittenSpan;
        }
    }
}
