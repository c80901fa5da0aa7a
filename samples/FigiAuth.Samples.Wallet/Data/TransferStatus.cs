namespace FigiAuth.Samples.Wallet.Data;

public enum TransferStatus
{
    /// <summary>Waiting for the user's approval; the amount is reserved, not debited.</summary>
    Pending,
    /// <summary>Approved, receipt verified, balance debited (exactly once).</summary>
    Completed,
    Rejected,
    Expired,
    Cancelled,
    /// <summary>FigiAuth said confirmed but the receipt did not verify or named another transfer: no debit.</summary>
    Failed,
}
