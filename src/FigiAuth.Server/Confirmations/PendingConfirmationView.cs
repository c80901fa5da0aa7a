namespace FigiAuth.Server.Confirmations;

/// <summary>What the user's phone lists: enough to show and answer, nothing about the client's callback.</summary>
public sealed record PendingConfirmationView(string Id, string DisplayText, string? Amount, string? Currency, PayeeView? Payee,
    string ClientId, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt)
{
    public static PendingConfirmationView From(Confirmation c) => new(c.Id, c.DisplayText,
        Money.FormatOf(c), c.Currency, PayeeView.Of(c),
        c.ClientId, c.CreatedAt, c.ExpiresAt);
}
