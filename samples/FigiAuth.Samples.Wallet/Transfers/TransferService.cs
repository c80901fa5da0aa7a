using System.Buffers.Text;
using System.Security.Claims;
using System.Security.Cryptography;
using FigiAuth.Samples.FigiAuthApi;
using FigiAuth.Samples.Wallet.Data;
using FigiAuth.Samples.Wallet.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FigiAuth.Samples.Wallet.Transfers;

/// <summary>
/// The wallet's back end as a DFS back end: a transfer becomes a FigiAuth confirmation; the balance is debited
/// only when FigiAuth reads confirmed, the receipt verifies and names this transfer — and only once.
/// </summary>
public sealed partial class TransferService(
    WalletDb db, ConfirmationsClient confirmations, ReceiptCheck receipts, IOptions<WalletOptions> options,
    IOptions<WalletOidcOptions> oidc, TimeProvider time, ILogger<TransferService> logger)
{
    WalletOptions Wallet => options.Value;

    public static string SubjectOf(ClaimsPrincipal user) =>
        user.FindFirstValue("sub") ?? throw new InvalidOperationException("the signed-in user has no sub claim");

    /// <summary>The user's account, created with the starting balance on first use.</summary>
    public async Task<Account> GetAccountAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var subject = SubjectOf(user);
        var username = user.FindFirstValue(oidc.Value.UsernameClaim) ?? subject;
        var start = Money.ToMinor(Wallet.StartingBalance, Wallet.CurrencyExponent);
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO accounts (Subject, Username, BalanceMinor, Currency, CreatedAt) VALUES ({subject}, {username}, {start}, {Wallet.Currency}, {time.GetUtcNow().UtcDateTime}) ON CONFLICT (Subject) DO NOTHING", ct);
        return await db.Accounts.AsNoTracking().SingleAsync(a => a.Subject == subject, ct);
    }

    /// <summary>Balance minus what is waiting for approval.</summary>
    public async Task<long> AvailableAsync(Account account, CancellationToken ct) =>
        account.BalanceMinor - await db.Transfers
            .Where(t => t.Subject == account.Subject && t.Status == TransferStatus.Pending)
            .SumAsync(t => t.AmountMinor, ct);

    public async Task<SendResult> SendAsync(ClaimsPrincipal user, SendMoney send, CancellationToken ct)
    {
        var account = await GetAccountAsync(user, ct);
        if (string.IsNullOrWhiteSpace(send.PayeeName))
            return new(null, "Enter who you are paying.");
        if (!string.Equals(send.Currency?.Trim(), account.Currency, StringComparison.OrdinalIgnoreCase))
            return new(null, $"This wallet holds {account.Currency} only.");
        if (!Money.TryParseMinor(send.Amount, Wallet.CurrencyExponent, out var amount))
            return new(null, $"Enter a positive amount with at most {Wallet.CurrencyExponent} decimals, e.g. 150.00.");
        if (amount > await AvailableAsync(account, ct))
            return new(null, "Not enough money available (pending transfers are reserved).");

        var payee = new Payee(send.PayeeName.Trim(), string.IsNullOrWhiteSpace(send.PayeeAccount) ? null : send.PayeeAccount.Trim());
        var created = await confirmations.CreateAsync(new ConfirmationRequest(
            account.Username, null, Money.Format(amount, Wallet.CurrencyExponent), account.Currency, payee, Wallet.ConfirmationLifetimeSeconds), ct);
        if (created.Confirmation is not { } confirmation)
            return new(null, created.Error);
        var transfer = new Transfer
        {
            Id = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16)),
            Subject = account.Subject,
            ConfirmationId = confirmation.Id,
            PayeeName = payee.Name,
            PayeeAccount = payee.Account,
            AmountMinor = amount,
            Currency = account.Currency,
            DisplayText = confirmation.DisplayText,
            Status = TransferStatus.Pending,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.Transfers.Add(transfer);
        await db.SaveChangesAsync(ct);
        return new(transfer, null);
    }

    public Task<Transfer?> FindAsync(string id, string subject, CancellationToken ct) =>
        db.Transfers.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id && t.Subject == subject, ct);

    public Task<List<Transfer>> HistoryAsync(string subject, CancellationToken ct) =>
        db.Transfers.AsNoTracking().Where(t => t.Subject == subject).OrderByDescending(t => t.CreatedAt).Take(50).ToListAsync(ct);

    /// <summary>While pending, reads the confirmation at FigiAuth and settles the transfer; safe to call concurrently.</summary>
    public async Task<Transfer?> RefreshAsync(string id, string subject, CancellationToken ct)
    {
        if (await FindAsync(id, subject, ct) is not { Status: TransferStatus.Pending } transfer)
            return await FindAsync(id, subject, ct);
        var confirmation = await confirmations.GetAsync(transfer.ConfirmationId, ct);
        switch (confirmation?.Status)
        {
            case null:
                await FinishAsync(transfer, TransferStatus.Failed, "FigiAuth does not know this confirmation", ct);
                break;
            case Confirmation.Confirmed:
                var verdict = await receipts.VerifyAsync(confirmation.Receipt, Expected(transfer), ct);
                if (verdict.IsValid)
                    await CompleteAsync(transfer, confirmation.Receipt!, verdict.Receipt, ct);
                else
                {
                    Log.ReceiptRefused(logger, transfer.Id, verdict.Failure);
                    await FinishAsync(transfer, TransferStatus.Failed, verdict.Failure, ct);
                }
                break;
            case Confirmation.Rejected:
                await FinishAsync(transfer, TransferStatus.Rejected, "you declined it", ct);
                break;
            case Confirmation.Expired:
                await FinishAsync(transfer, TransferStatus.Expired, "not approved in time", ct);
                break;
            case Confirmation.Cancelled:
                await FinishAsync(transfer, TransferStatus.Cancelled, "cancelled", ct);
                break;
        }
        return await FindAsync(id, subject, ct);
    }

    ExpectedPayment Expected(Transfer t) => new(
        t.ConfirmationId, Money.ToDecimal(t.AmountMinor, Wallet.CurrencyExponent), t.Currency, new Payee(t.PayeeName, t.PayeeAccount));

    /// <summary>
    /// Exactly once: the transfer leaves Pending by one conditional update, and only the caller whose update won
    /// debits the balance, in the same transaction.
    /// </summary>
    async Task CompleteAsync(Transfer transfer, string receipt, VerifiedReceipt verified, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        var won = await db.Transfers
            .Where(t => t.Id == transfer.Id && t.Status == TransferStatus.Pending)
            .ExecuteUpdateAsync(s => s
                .SetProperty(t => t.Status, TransferStatus.Completed)
                .SetProperty(t => t.Receipt, receipt)
                .SetProperty(t => t.ReceiptClaims, verified.ClaimsJson)
                .SetProperty(t => t.FinishedAt, now), ct);
        if (won == 1)
            await db.Accounts.Where(a => a.Subject == transfer.Subject)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.BalanceMinor, a => a.BalanceMinor - transfer.AmountMinor), ct);
        await tx.CommitAsync(ct);
    }

    async Task FinishAsync(Transfer transfer, TransferStatus status, string reason, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await db.Transfers
            .Where(t => t.Id == transfer.Id && t.Status == TransferStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, status).SetProperty(t => t.Reason, reason).SetProperty(t => t.FinishedAt, now), ct);
    }

    static partial class Log
    {
        [LoggerMessage(EventId = 8001, Level = LogLevel.Warning, Message = "Transfer {TransferId} not executed: receipt refused ({Reason})")]
        public static partial void ReceiptRefused(ILogger logger, string transferId, string reason);
    }
}
