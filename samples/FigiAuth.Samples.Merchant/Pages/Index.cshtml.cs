using FigiAuth.Samples.FigiAuthApi;
using FigiAuth.Samples.Merchant.Payments;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace FigiAuth.Samples.Merchant.Pages;

public sealed class IndexModel(PaymentService payments, IOptions<MerchantOptions> options) : PageModel
{
    [BindProperty] public string Customer { get; set; } = "";
    [BindProperty] public string Amount { get; set; } = "";
    public string Currency => options.Value.Currency;
    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            var result = await payments.CreateAsync(Customer, Amount, null, ct);
            if (result.Payment is { } payment)
                return RedirectToPage("/Payment", new { id = payment.Id });
            Error = result.Error;
        }
        catch (FigiAuthUnavailableException)
        {
            Error = "FigiAuth is not available; try again in a moment.";
        }
        return Page();
    }
}
