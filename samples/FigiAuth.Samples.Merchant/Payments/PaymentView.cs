using System.Text.Json.Serialization;
using FigiAuth.Samples.FigiAuthApi;

namespace FigiAuth.Samples.Merchant.Payments;

/// <summary>A payment as the API and the cashier page see it; Receipt only once paid.</summary>
public sealed record PaymentView(
    string Id,
    PaymentStatus Status,
    string Customer,
    string Amount,
    string Currency,
    string DisplayText,
    string ConfirmationId,
    string ConfirmLink,
    DateTimeOffset ExpiresAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Reason,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] VerifiedReceipt? Receipt)
{
    public static PaymentView From(Payment p, Uri server) => new(
        p.Id, p.Status, p.Customer, p.Expected.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture), p.Expected.Currency,
        p.DisplayText, p.Expected.ConfirmationId, ConfirmLinkFor(p.Expected.ConfirmationId, server), p.ExpiresAt, p.Reason, p.Receipt);

    /// <summary>What the QR code holds: a link a phone app (or figiauth-phone) can take to answer the confirmation.</summary>
    public static string ConfirmLinkFor(string confirmationId, Uri server) =>
        $"figiauth://confirm/{Uri.EscapeDataString(confirmationId)}?server={Uri.EscapeDataString(server.GetLeftPart(UriPartial.Authority))}";
}
