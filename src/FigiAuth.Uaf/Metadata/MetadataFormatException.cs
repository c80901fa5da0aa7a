namespace FigiAuth.Uaf.Metadata;

/// <summary>
/// A metadata statement, a metadata folder entry or an MDS3 BLOB payload is not well formed or is
/// not usable for UAF. The message names the member at fault.
/// </summary>
public sealed class MetadataFormatException : Exception
{
    public MetadataFormatException(string message) : base(message) { }

    public MetadataFormatException(string message, Exception inner) : base(message, inner) { }
}
