using FigiAuth.Samples.FigiAuthApi;

namespace FigiAuth.Samples.Merchant.Payments;

/// <summary>A payment the cashier (or the DFS core) asked for; its state changes only under <see cref="Gate"/>.</summary>
public sealed class Payment(string id, string customer, ExpectedPayment expected, Confirmation confirmation)
{
    public string Id { get; } = id;
    public string Customer { get; } = customer;
    public ExpectedPayment Expected { get; } = expected;
    public string DisplayText { get; } = confirmation.DisplayText;
    public DateTimeOffset ExpiresAt { get; } = confirmation.ExpiresAt;
    public PaymentStatus Status { get; private set; } = PaymentStatus.Pending;
    public string? Reason { get; private set; }
    public VerifiedReceipt? Receipt { get; private set; }
    internal SemaphoreSlim Gate { get; } = new(1, 1);

    public bool IsFinal => Status != PaymentStatus.Pending;

    internal void Finish(PaymentStatus status, string? reason = null, VerifiedReceipt? receipt = null)
    {
        Status = status;
        Reason = reason;
        Receipt = receipt;
    }
}
