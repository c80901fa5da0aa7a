using FigiAuth.Samples.Wallet.Data;

namespace FigiAuth.Samples.Wallet.Transfers;

public sealed record TransferStatusView(TransferStatus Status, string? Reason);
