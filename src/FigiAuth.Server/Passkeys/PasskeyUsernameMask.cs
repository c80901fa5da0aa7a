using System.Security.Cryptography;
using System.Text;

namespace FigiAuth.Server.Passkeys;

/// <summary>
/// A stable fake credential ID for a username without passkeys, so login/options answers the same shape for known and
/// unknown usernames (SECURITY.md WA-24). The key lives for the process.
/// </summary>
public sealed class PasskeyUsernameMask
{
    readonly byte[] key = RandomNumberGenerator.GetBytes(32);

    public byte[] FakeCredentialId(string username) =>
        HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(username.ToUpperInvariant()));
}
