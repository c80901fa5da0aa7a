using System.Security.Cryptography;

namespace FigiAuth.Uaf.Verification;

/// <summary>Constant-time comparisons for hashes, challenges and MACs.</summary>
internal static class FixedTime
{
    /// <summary>Equal length and equal bytes, in time independent of where they differ.</summary>
    public static bool Equal(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right) =>
        CryptographicOperations.FixedTimeEquals(left, right);

    public static bool Equal(string left, string right) =>
        Equal(System.Text.Encoding.UTF8.GetBytes(left), System.Text.Encoding.UTF8.GetBytes(right));
}
