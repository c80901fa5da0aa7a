namespace FigiAuth.Samples.Wallet.Transfers;

/// <summary>What the user typed on "Send money".</summary>
public sealed record SendMoney(string PayeeName, string? PayeeAccount, string Amount, string Currency);
