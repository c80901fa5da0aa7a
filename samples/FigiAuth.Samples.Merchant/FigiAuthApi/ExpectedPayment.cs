namespace FigiAuth.Samples.FigiAuthApi;

/// <summary>What this back end asked for: a receipt must name exactly this.</summary>
public sealed record ExpectedPayment(string ConfirmationId, decimal Amount, string Currency, Payee Payee);
