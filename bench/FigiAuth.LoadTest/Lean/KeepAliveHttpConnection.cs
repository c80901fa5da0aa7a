using System.Buffers;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace FigiAuth.LoadTest.Lean;

/// <summary>
/// One persistent HTTP/1.1 connection over a raw socket (TCP_NODELAY: a request is one small write that must leave
/// at once). One request at a time; after any failure the socket is dropped and the next request connects again.
/// </summary>
internal sealed class KeepAliveHttpConnection(IPEndPoint server) : IDisposable
{
    // Kestrel drops a connection idle for 130 s (KeepAliveTimeout); reconnect well before, between phases.
    static readonly long MaxIdleTicks = Stopwatch.Frequency * 60;

    readonly ArrayBufferWriter<byte> body = new(4096);
    byte[] received = new byte[16384];
    int receivedLength;
    Socket? socket;
    long lastUsed;

    /// <summary>Sends <paramref name="request"/> (complete: headers and body) and returns the answer's body, valid until the next call.</summary>
    public async ValueTask<ReadOnlyMemory<byte>> SendAsync(ReadOnlyMemory<byte> request, CancellationToken ct)
    {
        try
        {
            if (socket is null || Stopwatch.GetTimestamp() - lastUsed > MaxIdleTicks)
            {
                await ConnectAsync(ct);
            }

            for (var sent = 0; sent < request.Length;)
            {
                sent += await socket!.SendAsync(request[sent..], SocketFlags.None, ct);
            }

            var answer = await ReceiveAsync(ct);
            lastUsed = Stopwatch.GetTimestamp();
            return answer;
        }
        catch
        {
            Drop();
            throw;
        }
    }

    async ValueTask<ReadOnlyMemory<byte>> ReceiveAsync(CancellationToken ct)
    {
        while (true)
        {
            if (receivedLength > 0 && Http1ResponseParser.TryParse(received.AsSpan(0, receivedLength), body, out var consumed))
            {
                // One request in flight at a time, so nothing may follow the answer.
                if (consumed != receivedLength)
                {
                    throw new HttpProtocolException($"{receivedLength - consumed} bytes after the answer");
                }

                receivedLength = 0;
                return body.WrittenMemory;
            }

            if (receivedLength == received.Length)
            {
                Array.Resize(ref received, received.Length * 2);
            }

            var n = await socket!.ReceiveAsync(received.AsMemory(receivedLength), SocketFlags.None, ct);
            receivedLength += n > 0 ? n : throw new HttpProtocolException("the server closed the connection");
        }
    }

    async ValueTask ConnectAsync(CancellationToken ct)
    {
        Drop();
        var s = new Socket(server.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await s.ConnectAsync(server, ct);
        }
        catch
        {
            s.Dispose();
            throw;
        }

        socket = s;
    }

    void Drop()
    {
        socket?.Dispose();
        socket = null;
        receivedLength = 0;
    }

    public void Dispose() => Drop();
}
