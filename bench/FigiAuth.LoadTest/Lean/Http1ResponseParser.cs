using System.Buffers;
using System.Buffers.Text;
using System.Text;

namespace FigiAuth.LoadTest.Lean;

/// <summary>
/// Just enough of an HTTP/1.1 response parser for the lean client: the status line, <c>Content-Length</c> or
/// <c>Transfer-Encoding: chunked</c> (Kestrel streams its JSON answers chunked), and the body. Anything the harness
/// does not expect (another status, <c>Connection: close</c>, chunk extensions or trailers, another transfer coding)
/// throws <see cref="HttpProtocolException"/>, and the connection is then opened anew.
/// </summary>
internal static class Http1ResponseParser
{
    static readonly byte[] HeaderEnd = "\r\n\r\n"u8.ToArray();

    /// <summary>
    /// Parses one response from the start of <paramref name="data"/>. Returns false while bytes are missing; true with
    /// the bytes it used and the decoded body written to <paramref name="body"/> (cleared first).
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> data, ArrayBufferWriter<byte> body, out int consumed)
    {
        consumed = 0;
        var headerLength = data.IndexOf(HeaderEnd);
        if (headerLength < 0)
        {
            return false;
        }

        var (contentLength, chunked) = ReadHeaders(data[..headerLength]);
        var rest = data[(headerLength + HeaderEnd.Length)..];
        body.ResetWrittenCount();
        int bodyBytes;
        if (chunked)
        {
            if (!TryDecodeChunks(rest, body, out bodyBytes))
            {
                return false;
            }
        }
        else
        {
            if (rest.Length < contentLength)
            {
                return false;
            }

            body.Write(rest[..contentLength]);
            bodyBytes = contentLength;
        }

        consumed = headerLength + HeaderEnd.Length + bodyBytes;
        return true;
    }

    static (int ContentLength, bool Chunked) ReadHeaders(ReadOnlySpan<byte> head)
    {
        var lineEnd = head.IndexOf("\r\n"u8);
        var statusLine = lineEnd < 0 ? head : head[..lineEnd];
        if (!statusLine.StartsWith("HTTP/1.1 200 "u8))
        {
            throw new HttpProtocolException($"expected HTTP/1.1 200, got \"{Encoding.ASCII.GetString(statusLine)}\"");
        }

        int? contentLength = null;
        var chunked = false;
        var lines = lineEnd < 0 ? [] : head[(lineEnd + 2)..];
        while (!lines.IsEmpty)
        {
            var end = lines.IndexOf("\r\n"u8);
            var line = end < 0 ? lines : lines[..end];
            lines = end < 0 ? [] : lines[(end + 2)..];
            var colon = line.IndexOf((byte)':');
            if (colon < 0)
            {
                throw new HttpProtocolException($"header line without a colon: \"{Encoding.ASCII.GetString(line)}\"");
            }

            var name = line[..colon];
            var value = line[(colon + 1)..].Trim((byte)' ');
            if (Ascii.EqualsIgnoreCase(name, "Content-Length"u8))
            {
                contentLength = Utf8Parser.TryParse(value, out int n, out var used) && used == value.Length && n >= 0
                    ? n
                    : throw new HttpProtocolException("Content-Length is not a number");
            }
            else if (Ascii.EqualsIgnoreCase(name, "Transfer-Encoding"u8))
            {
                chunked = Ascii.EqualsIgnoreCase(value, "chunked"u8)
                    ? true
                    : throw new HttpProtocolException($"unsupported Transfer-Encoding \"{Encoding.ASCII.GetString(value)}\"");
            }
            else if (Ascii.EqualsIgnoreCase(name, "Connection"u8) && Ascii.EqualsIgnoreCase(value, "close"u8))
            {
                // The harness counts on keep-alive: a server that closes would make every ceremony pay a connect.
                throw new HttpProtocolException("the server answered Connection: close");
            }
        }

        return (chunked, contentLength) switch
        {
            (true, null) => (0, true),
            (false, { } length) => (length, false),
            (true, _) => throw new HttpProtocolException("both Content-Length and chunked"),
            _ => throw new HttpProtocolException("neither Content-Length nor chunked"),
        };
    }

    /// <summary>RFC 9112 §7.1 without extensions or trailers: (hex size CRLF data CRLF)* 0 CRLF CRLF.</summary>
    static bool TryDecodeChunks(ReadOnlySpan<byte> data, ArrayBufferWriter<byte> body, out int used)
    {
        used = 0;
        while (true)
        {
            var lineEnd = data[used..].IndexOf("\r\n"u8);
            if (lineEnd < 0)
            {
                return false;
            }

            var sizeText = data.Slice(used, lineEnd);
            if (!Utf8Parser.TryParse(sizeText, out int size, out var digits, 'X') || digits != sizeText.Length || size < 0)
            {
                throw new HttpProtocolException($"unsupported chunk size line \"{Encoding.ASCII.GetString(sizeText)}\"");
            }

            var dataStart = used + lineEnd + 2;
            if (data.Length < dataStart + size + 2)
            {
                return false;
            }

            if (!data.Slice(dataStart + size, 2).SequenceEqual("\r\n"u8))
            {
                throw new HttpProtocolException(size == 0 ? "chunked trailers are not supported" : "chunk not followed by CRLF");
            }

            used = dataStart + size + 2;
            if (size == 0)
            {
                return true;
            }

            body.Write(data.Slice(dataStart, size));
        }
    }
}

/// <summary>An HTTP answer the lean client does not handle; the connection that read it is closed.</summary>
internal sealed class HttpProtocolException(string message) : IOException(message);
