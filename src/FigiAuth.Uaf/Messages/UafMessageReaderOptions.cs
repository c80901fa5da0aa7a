namespace FigiAuth.Uaf.Messages;

/// <summary>How tolerant <see cref="UafMessageReader"/> is. The defaults are the strict UAF 1.1 rules.</summary>
public sealed record UafMessageReaderOptions
{
    public static UafMessageReaderOptions Strict { get; } = new();

    /// <summary>
    /// Largest message accepted, in characters. Default 65536: the transport caps the body, but the
    /// reader does not rely on it.
    /// </summary>
    public int MaxMessageLength { get; init; } = 65536;

    /// <summary>
    /// Accept a message whose only usable dictionary is <c>upv</c> 1.0 (UAF 1.0 clients), and in such a
    /// dictionary tolerate '=' padding at the end of <c>fcParams</c> (eBay-era 1.0 clients pad it; the
    /// final challenge hash is over the string as received, so padding cannot change what is signed).
    /// Default false: FIDO certifies UAF 1.1 only, and a 1.0 dictionary next to a 1.1 one is ignored.
    /// </summary>
    public bool AcceptUpv10 { get; init; }
}
