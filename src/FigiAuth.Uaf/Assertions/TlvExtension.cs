namespace FigiAuth.Uaf.Assertions;

/// <summary>A TAG_EXTENSION (critical) or TAG_EXTENSION_NON_CRITICAL element of an assertion.</summary>
public sealed record TlvExtension(string Id, byte[] Data, bool Critical);
