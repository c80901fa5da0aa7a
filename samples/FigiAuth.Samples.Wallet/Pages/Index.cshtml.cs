using FigiAuth.Samples.FigiAuthApi;
using FigiAuth.Samples.Wallet.Data;
using FigiAuth.Samples.Wallet.Transfers;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace FigiAuth.Samples.Wallet.Pages;

public sealed class IndexModel(TransferService transfers, IOptions<WalletOptions> options) : PageModel
{
    [BindProperty] public SendMoney Send { get; set; } = new("", null, "", "");
    public Account? Account { get; private set; }
    public long Available { get; private set; }
    public IReadOnlyList<Transfer> History { get; private set; } = [];
    public string? Error { get; private set; }

    public string Format(long minor) => $"{Money.Format(minor, options.Value.CurrencyExponent)} {Account?.Currency}";

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (User.Identity?.IsAuthenticated == true)
            await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (User.Identity?.IsAuthenticated != true)
            return Challenge();
        try
        {
            var result = await transfers.SendAsync(User, Send, ct);
            if (result.Transfer is { } transfer)
                return RedirectToPage("/Transfer", new { id = transfer.Id });
            Error = result.Error;
        }
        catch (FigiAuthUnavailableException)
        {
            Error = "FigiAuth is not available; nothing was sent. Try again in a moment.";
        }
        await LoadAsync(ct);
        return Page();
    }

    async Task LoadAsync(CancellationToken ct)
    {
        Account = await transfers.GetAccountAsync(User, ct);
        Available = await transfers.AvailableAsync(Account, ct);
        History = await transfers.HistoryAsync(Account.Subject, ct);
    }
}
