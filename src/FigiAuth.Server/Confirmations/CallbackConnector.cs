using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace FigiAuth.Server.Confirmations;

/// <summary>
/// The ConnectCallback of the callback HttpClient: resolves the host itself and connects only when no resolved address
/// is forbidden (<see cref="CallbackAddresses"/>), to exactly the addresses it checked, so a DNS answer that changes
/// between check and connect (rebinding) cannot reach an internal address. Allow-listed hosts skip the check.
/// </summary>
internal sealed class CallbackConnector(IOptions<ConfirmationOptions> options)
{
    /// <summary>The handler callbacks are sent with: this connector, no proxy (it would hide the target), no redirects.</summary>
    public SocketsHttpHandler CreateHandler() => new() { ConnectCallback = ConnectAsync, UseProxy = false, AllowAutoRedirect = false };

    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var endpoint = context.DnsEndPoint;
        var addresses = IPAddress.TryParse(endpoint.Host.Trim('[', ']'), out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(endpoint.Host, cancellationToken);
        if (!CallbackAddresses.IsAllowedHost(endpoint.Host, options.Value.CallbackAllowedHosts)
            && addresses.FirstOrDefault(CallbackAddresses.IsForbidden) is { } forbidden)
        {
            throw new CallbackRefusedException(
                $"{endpoint.Host} resolves to {forbidden}, which callbacks may not reach (FigiAuth:Confirmations:CallbackAllowedHosts)");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, endpoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
