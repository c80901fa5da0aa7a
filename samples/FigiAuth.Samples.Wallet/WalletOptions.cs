namespace FigiAuth.Samples.Wallet;

/// <summary>The wallet (configuration section <c>Wallet</c>).</summary>
public sealed class WalletOptions
{
    /// <summary>What a new user starts with, in <see cref="Currency"/>. Default: 10000.</summary>
    public decimal StartingBalance { get; set; } = 10000m;

    /// <summary>The wallet's one currency. Default: KES.</summary>
    public string Currency { get; set; } = "KES";

    /// <summary>Minor-unit digits of <see cref="Currency"/> (2 for KES, 0 for UGX). Default: 2.</summary>
    public int CurrencyExponent { get; set; } = 2;

    /// <summary>How long the user has to approve a transfer, 30..900 seconds. Default: 300.</summary>
    public int ConfirmationLifetimeSeconds { get; set; } = 300;
}
