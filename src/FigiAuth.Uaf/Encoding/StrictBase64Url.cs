using System.Buffers;
using System.Buffers.Text;

namespace FigiAuth.Uaf.Encoding;

/// <summary>
/// base64url as UAF declares it: RFC 4648 §5 alphabet, no padding, no white space.
/// The conformance tool sends <c>value + "=="</c> and expects a rejection, so padding is an error.
/// </summary>
public static class StrictBase64Url
{
    // RFC 4648 §5: the whole alphabet, nothing else (no '=', no white space).
    private static readonly SearchValues<char> Alphabet =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

    public static string Encode(ReadOnlySpan<byte> bytes) => Base64Url.EncodeToString(bytes);

    /// <summary>Decodes or returns false for any character outside the alphabet, padding included.</summary>
    public static bool TryDecode(string? text, out byte[] bytes)
    {
        bytes = [];
        if (text is null)
            return false;
        if (text.AsSpan().ContainsAnyExcept(Alphabet))
            return false;
        // A length of 4n+1 cannot come from any byte string.
        if (text.Length % 4 == 1)
            return false;
        try
        {
            bytes = Base64Url.DecodeFromChars(text);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>Decodes or throws <see cref="UafFormatException"/> naming <paramref name="stepId"/>.</summary>
    public static byte[] Decode(string? text, string stepId, string field) =>
        TryDecode(text, out var bytes)
            ? bytes
            : throw new UafFormatException(stepId, $"{field} is not strict base64url");
}
