namespace FigiAuth.Uaf.Crypto;

/// <summary>The exception the key decoders throw: UAF-REG-19 "reject malformed/weak keys" answers 1494.</summary>
internal static class KeyFormat
{
    public static UafFormatException Invalid(string stepId, string message) =>
        new(stepId, message, UafStatusCode.UnacceptableKey);
}
