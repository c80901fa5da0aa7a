using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace FigiAuth.Server.Passkeys;

/// <summary>
/// Binds a ceremony to the browser that asked for its options: a random HttpOnly cookie, of which only the SHA-256 is
/// stored with the challenge. Another browser holding the challenge cannot answer it.
/// </summary>
internal static class PasskeySessionBinding
{
    const string CookieName = "figiauth.passkey";

    public static string Issue(HttpContext context)
    {
        var value = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        context.Response.Cookies.Append(CookieName, value, new CookieOptions
        {
            HttpOnly = true,
            Secure = context.Request.IsHttps,
            SameSite = SameSiteMode.Strict,
            Path = "/passkeys",
            MaxAge = TimeSpan.FromMinutes(10),
        });
        return Hash(value);
    }

    public static bool Matches(HttpContext context, string expectedHash) =>
        context.Request.Cookies[CookieName] is { } value
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(value)), Encoding.ASCII.GetBytes(expectedHash));

    static string Hash(string value) => Convert.ToHexString(SHA256.HashData(Encoding.ASCII.GetBytes(value)));
}
