using FigiAuth.Samples.FigiAuthApi;
using FigiAuth.Samples.Merchant.Payments;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace FigiAuth.Samples.Merchant.Pages;

public sealed class PaymentModel(PaymentService payments, IOptions<FigiAuthApiOptions> figiAuth) : PageModel
{
    public PaymentView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        if (await payments.RefreshAsync(id, ct) is not { } payment)
            return NotFound();
        View = PaymentView.From(payment, figiAuth.Value.Server);
        return Page();
    }

    public static string Describe(PaymentStatus status, string? reason) => status switch
    {
        PaymentStatus.Pending => "Waiting for the customer to approve…",
        PaymentStatus.Paid => "Paid ✓",
        _ => $"Not paid: {reason}",
    };
}
