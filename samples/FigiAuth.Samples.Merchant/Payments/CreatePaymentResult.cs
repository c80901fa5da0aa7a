namespace FigiAuth.Samples.Merchant.Payments;

/// <summary>The new payment, or why it could not be asked for (shown to the cashier / returned as a 400).</summary>
public sealed record CreatePaymentResult(Payment? Payment, string? Error);
