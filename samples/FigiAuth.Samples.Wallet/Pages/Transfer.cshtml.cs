using FigiAuth.Samples.FigiAuthApi;
using FigiAuth.Samples.Wallet.Data;
using FigiAuth.Samples.Wallet.Transfers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace FigiAuth.Samples.Wallet.Pages;

[Authorize]
public sealed class TransferModel(TransferService transfers, IOptions<FigiAuthApiOptions> figiAuth) : PageModel
{
    public Transfer Transfer { get; private set; } = null!;
    public VerifiedReceipt? Receipt { get; private set; }
    public string Server => figiAuth.Value.Server.GetLeftPart(UriPartial.Authority);
    public string Username => User.Identity?.Name ?? "<you>";

    /// <summary>FigiAuth's confirm page for this transfer, returning here afterwards (this origin is an allowed return
    /// origin in FigiAuth's FigiAuth:Confirmations:ReturnOrigins). The WebAuthn RP ID must be FigiAuth's host, so the
    /// passkey ceremony runs on FigiAuth's page, not this one.</summary>
    public string PasskeyConfirmUrl => $"{Server}/confirm/{Uri.EscapeDataString(Transfer.ConfirmationId)}?returnUrl="
        + Uri.EscapeDataString($"{Request.Scheme}://{Request.Host}/transfer/{Transfer.Id}");

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        if (await transfers.FindAsync(id, TransferService.SubjectOf(User), ct) is not { } transfer)
            return NotFound();
        Transfer = transfer;
        if (transfer.ReceiptClaims is { } claims)
            Receipt = ReceiptCheck.FromVerifiedClaims(claims);
        return Page();
    }

    public static string Describe(Transfer t) => t.Status switch
    {
        TransferStatus.Pending => "Waiting for your approval…",
        TransferStatus.Completed => "Sent ✓ receipt verified",
        TransferStatus.Failed => $"Not sent: {t.Reason}. Your balance was not touched.",
        _ => $"Not sent ({t.Status.ToString().ToLowerInvariant()}: {t.Reason}). Your balance was not touched.",
    };
}
