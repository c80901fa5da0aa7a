namespace FigiAuth.Samples.Merchant.Payments;

/// <summary>POST /api/payments: the customer's phone number or FigiAuth username, the amount as a string.</summary>
public sealed record CreatePaymentBody(string Customer, string Amount, string? Currency);
