using System.Net;

namespace FigiAuth.Server.Confirmations;

/// <summary>
/// Where a confirmation callback may not go (SSRF): loopback, link-local (cloud metadata at 169.254.169.254), private,
/// shared (CGNAT), unspecified, multicast and reserved addresses, IPv4 and IPv6, and IPv4 inside IPv6 (mapped, NAT64).
/// Hosts in FigiAuth:Confirmations:CallbackAllowedHosts are exempt.
/// </summary>
internal static class CallbackAddresses
{
    static readonly IPNetwork[] Forbidden =
    [
        IPNetwork.Parse("0.0.0.0/8"),       // "this network", unspecified
        IPNetwork.Parse("10.0.0.0/8"),
        IPNetwork.Parse("100.64.0.0/10"),   // shared address space (carrier-grade NAT)
        IPNetwork.Parse("127.0.0.0/8"),
        IPNetwork.Parse("169.254.0.0/16"),
        IPNetwork.Parse("172.16.0.0/12"),
        IPNetwork.Parse("192.0.0.0/24"),    // IETF protocol assignments
        IPNetwork.Parse("192.168.0.0/16"),
        IPNetwork.Parse("198.18.0.0/15"),   // benchmarking
        IPNetwork.Parse("224.0.0.0/4"),     // multicast
        IPNetwork.Parse("240.0.0.0/4"),     // reserved, broadcast
        IPNetwork.Parse("::/128"),
        IPNetwork.Parse("::1/128"),
        IPNetwork.Parse("fc00::/7"),
        IPNetwork.Parse("fe80::/10"),
        IPNetwork.Parse("fec0::/10"),       // deprecated site-local
        IPNetwork.Parse("ff00::/8"),
    ];

    static readonly IPNetwork Nat64 = IPNetwork.Parse("64:ff9b::/96");

    public static bool IsForbidden(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        else if (Nat64.Contains(address))
        {
            address = new IPAddress(address.GetAddressBytes()[12..]);
        }

        var candidate = address;
        return Forbidden.Any(n => n.BaseAddress.AddressFamily == candidate.AddressFamily && n.Contains(candidate));
    }

    /// <summary>True when <paramref name="host"/> (a URI host; IPv6 with or without brackets) is allow-listed.</summary>
    public static bool IsAllowedHost(string host, IEnumerable<string> allowed)
    {
        var bare = host.Trim('[', ']');
        return allowed.Any(a => string.Equals(a.Trim('[', ']'), bare, StringComparison.OrdinalIgnoreCase));
    }
}
