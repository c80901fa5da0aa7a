using System.Net;
using System.Net.Sockets;

namespace FigiAuth.Testing.Support;

/// <summary>
/// A loopback port bound but not listening, held until disposed: connecting to it is refused, and while it is bound
/// the kernel hands it to no other "any free port" request (a server a parallel test starts on
/// <see cref="WebAppProcess.FreePort"/>, an outgoing connection), as it could a port that was merely released.
/// </summary>
public sealed class ClosedPort : IDisposable
{
    readonly Socket socket;

    ClosedPort(Socket socket) => this.socket = socket;

    public int Port => ((IPEndPoint)socket.LocalEndPoint!).Port;

    /// <summary>Any free port, held closed.</summary>
    public static ClosedPort Hold() => TryHold(0)!;

    /// <summary><paramref name="port"/> held closed, or null when another process has it.</summary>
    public static ClosedPort? TryHold(int port)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
            return new ClosedPort(socket);
        }
        catch (SocketException) when (port != 0)
        {
            socket.Dispose();
            return null;
        }
    }

    public void Dispose() => socket.Dispose();
}
