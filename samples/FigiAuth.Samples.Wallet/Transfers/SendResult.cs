using FigiAuth.Samples.Wallet.Data;

namespace FigiAuth.Samples.Wallet.Transfers;

/// <summary>The new pending transfer, or why it was not asked for.</summary>
public sealed record SendResult(Transfer? Transfer, string? Error);
