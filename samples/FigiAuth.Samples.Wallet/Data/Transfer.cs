namespace FigiAuth.Samples.Wallet.Data;

/// <summary>A transfer and, once completed, the receipt it was executed on.</summary>
public sealed class Transfer
{
    public required string Id { get; set; }
    public required string Subject { get; set; }
    public required string ConfirmationId { get; set; }
    public required string PayeeName { get; set; }
    public string? PayeeAccount { get; set; }
    public long AmountMinor { get; set; }
    public required string Currency { get; set; }
    public required string DisplayText { get; set; }
    public TransferStatus Status { get; set; }
    public string? Reason { get; set; }
    public string? Receipt { get; set; }
    public string? ReceiptClaims { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
}
