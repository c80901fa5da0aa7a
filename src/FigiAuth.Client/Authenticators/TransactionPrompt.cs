namespace FigiAuth.Client.Authenticators;

/// <summary>
/// What the authenticator shows the user before signing a transaction: the text for
/// <c>text/plain</c>, or the PNG bytes for <c>image/png</c>.
/// </summary>
public sealed record TransactionPrompt(string ContentType, string? Text, byte[]? Png, string AppId, string Username);
