using System.Buffers.Text;

namespace FigiAuth.Server.Confirmations;

/// <summary>For disputes: the whole record with the receipt and the retained signed assertion (base64url).</summary>
public sealed record ConfirmationAdminView(
    ConfirmationView Confirmation,
    Guid UserId,
    string ClientId,
    string DisplayTextHash,
    string? SignedAssertion,
    string? CallbackUrl,
    int CallbackAttempts,
    DateTimeOffset? CallbackDeliveredAt)
{
    public static ConfirmationAdminView From(Confirmation c, DateTimeOffset now) => new(
        ConfirmationView.From(c, now), c.UserId, c.ClientId, Base64Url.EncodeToString(c.DisplayTextHash),
        c.SignedAssertion is null ? null : Base64Url.EncodeToString(c.SignedAssertion),
        c.CallbackUrl, c.CallbackAttempts, c.CallbackDeliveredAt);
}
