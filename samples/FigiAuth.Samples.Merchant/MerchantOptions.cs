using FigiAuth.Samples.FigiAuthApi;

namespace FigiAuth.Samples.Merchant;

/// <summary>The merchant (configuration section <c>Merchant</c>).</summary>
public sealed class MerchantOptions
{
    /// <summary>The payee shown on the customer's phone. Default: "Mama Mboga Shop".</summary>
    public string Name { get; set; } = "Mama Mboga Shop";

    /// <summary>The merchant's till or account number; optional.</summary>
    public string? Account { get; set; }

    /// <summary>Currency offered on the cashier page. Default: KES.</summary>
    public string Currency { get; set; } = "KES";

    /// <summary>How long the customer has to approve, 30..900 seconds. Default: 300.</summary>
    public int ConfirmationLifetimeSeconds { get; set; } = 300;

    /// <summary>The key a DFS core sends in <c>X-Api-Key</c> to /api/payments. No default.</summary>
    public string? ApiKey { get; set; }

    public Payee Payee => new(Name, Account);
}
