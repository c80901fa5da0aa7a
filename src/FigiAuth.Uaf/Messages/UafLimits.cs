namespace FigiAuth.Uaf.Messages;

/// <summary>Size bounds of UAF.md §2 (characters for strings, decoded bytes for base64url).</summary>
public static class UafLimits
{
    public const int MaxAppIdLength = 512;
    public const int MaxServerDataLength = 1536;
    public const int MaxUsernameLength = 128;
    public const int MinChallengeBytes = 8;
    public const int MaxChallengeBytes = 64;
    public const int MinKeyIdBytes = 32;
    public const int MaxKeyIdBytes = 2048;
    public const int MaxExtensionIdLength = 32;
    public const int MaxAssertionBytes = 4096;
    public const int MaxTransactionTextLength = 200;
    public const string AssertionScheme = "UAFV1TLV";

    /// <summary>AAID syntax: <c>4HEXDIG "#" 4HEXDIG</c>.</summary>
    public static bool IsAaid(ReadOnlySpan<char> aaid) =>
        aaid.Length == 9 && aaid[4] == '#' && IsHex(aaid[..4]) && IsHex(aaid[5..]);

    /// <summary>AAID syntax over the 9 ASCII bytes of TAG_AAID.</summary>
    public static bool IsAaid(ReadOnlySpan<byte> aaid)
    {
        if (aaid.Length != 9 || aaid[4] != (byte)'#')
            return false;
        foreach (var i in (ReadOnlySpan<int>)[0, 1, 2, 3, 5, 6, 7, 8])
        {
            if (!char.IsAsciiHexDigit((char)aaid[i]))
                return false;
        }
        return true;
    }

    private static bool IsHex(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiHexDigit(c))
                return false;
        }
        return true;
    }
}
