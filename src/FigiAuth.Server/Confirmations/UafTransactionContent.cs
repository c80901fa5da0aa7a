namespace FigiAuth.Server.Confirmations;

/// <summary>
/// What the UAF Auth request's Transaction carries for a pending confirmation: contentType "text/plain" and
/// content = base64url of the UTF-8 <see cref="Text"/> (<see cref="ContentBase64Url"/>). The authenticator's
/// TAG_TRANSACTION_CONTENT_HASH must equal <see cref="ContentHash"/>.
/// </summary>
public sealed record UafTransactionContent(
    string ConfirmationId,
    string Text,
    string ContentBase64Url,
    byte[] ContentHash,
    DateTimeOffset ExpiresAt)
{
    public const string ContentType = "text/plain";
}
