using System.Buffers;
using System.Buffers.Text;
using System.Text;

namespace FigiAuth.LoadTest.Lean;

/// <summary>
/// The pre-encoded head of <c>POST path</c> with a UAF body (transport binding: <c>application/fido+uaf</c>, UTF-8) on
/// a keep-alive connection; only Content-Length changes from one request to the next.
/// </summary>
internal sealed class PostRequestHead(string path, string hostAndPort)
{
    readonly byte[] upToLength = Encoding.ASCII.GetBytes(
        $"POST {path} HTTP/1.1\r\nHost: {hostAndPort}\r\nContent-Type: application/fido+uaf\r\nContent-Length: ");

    /// <summary>Replaces the contents of <paramref name="request"/> with this head and <paramref name="body"/>.</summary>
    public void WriteRequest(ArrayBufferWriter<byte> request, ReadOnlySpan<byte> body)
    {
        request.ResetWrittenCount();
        request.Write(upToLength);
        var digits = request.GetSpan(10);
        Utf8Formatter.TryFormat(body.Length, digits, out var written);
        request.Advance(written);
        request.Write("\r\n\r\n"u8);
        request.Write(body);
    }

    /// <summary>A whole request whose body never changes (a user's /get).</summary>
    public byte[] Request(ReadOnlySpan<byte> body)
    {
        var request = new ArrayBufferWriter<byte>(upToLength.Length + body.Length + 16);
        WriteRequest(request, body);
        return request.WrittenSpan.ToArray();
    }
}
