namespace FigiAuth.Uaf.Assertions;

/// <summary>TAG_UAFV1_AUTH_ASSERTION, decoded.</summary>
public sealed record AuthenticationAssertion(
    SignedData SignedData,
    byte[] Signature,
    IReadOnlyList<TlvExtension> UnsignedExtensions);
