namespace FigiAuth.Samples.Wallet.Data;

/// <summary>A wallet, one per FigiAuth user (<c>sub</c>); the balance in minor units.</summary>
public sealed class Account
{
    public required string Subject { get; set; }
    public required string Username { get; set; }
    public long BalanceMinor { get; set; }
    public required string Currency { get; set; }
    public DateTime CreatedAt { get; set; }
}
