using System.Collections.Concurrent;

namespace FigiAuth.Samples.Merchant.Payments;

/// <summary>Payments in memory: a sample, not a ledger. A real merchant keeps them (and the receipts) in its database.</summary>
public sealed class PaymentStore
{
    readonly ConcurrentDictionary<string, Payment> _payments = new(StringComparer.Ordinal);

    public void Add(Payment payment) => _payments[payment.Id] = payment;

    public Payment? Find(string id) => _payments.GetValueOrDefault(id);
}
