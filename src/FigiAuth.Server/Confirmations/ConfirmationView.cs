using System.Text.Json.Serialization;

namespace FigiAuth.Server.Confirmations;

/// <summary>A confirmation as its client sees it; Receipt only once confirmed.</summary>
public sealed record ConfirmationView(
    string Id,
    ConfirmationStatus Status,
    string DisplayText,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Amount,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Currency,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] PayeeView? Payee,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? AnsweredAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ConfirmationMethod? Method,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Authenticator,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Receipt)
{
    /// <summary>A pending confirmation past its expiry reads as expired before the sweeper marks it.</summary>
    public static ConfirmationView From(Confirmation c, DateTimeOffset now) => new(
        c.Id,
        c.Status == ConfirmationStatus.Pending && c.ExpiresAt <= now ? ConfirmationStatus.Expired : c.Status,
        c.DisplayText,
        Money.FormatOf(c),
        c.Currency,
        PayeeView.Of(c),
        c.CreatedAt,
        c.ExpiresAt,
        c.AnsweredAt,
        c.Method,
        c.Authenticator,
        c.Status == ConfirmationStatus.Confirmed ? c.Receipt : null);
}
