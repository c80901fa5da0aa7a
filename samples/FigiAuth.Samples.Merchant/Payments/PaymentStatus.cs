namespace FigiAuth.Samples.Merchant.Payments;

public enum PaymentStatus
{
    /// <summary>Waiting for the customer.</summary>
    Pending,
    /// <summary>Confirmed and the receipt verified: hand over the goods.</summary>
    Paid,
    Rejected,
    Expired,
    Cancelled,
    /// <summary>FigiAuth said confirmed but the receipt did not verify or named another payment: not paid.</summary>
    Failed,
}
