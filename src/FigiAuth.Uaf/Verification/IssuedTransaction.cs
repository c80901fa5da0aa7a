namespace FigiAuth.Uaf.Verification;

/// <summary>One transaction form sent in an AuthenticationRequest: its content type and decoded content.</summary>
public sealed record IssuedTransaction(string ContentType, byte[] Content);
