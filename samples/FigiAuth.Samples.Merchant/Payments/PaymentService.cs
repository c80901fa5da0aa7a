using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using FigiAuth.Samples.FigiAuthApi;
using Microsoft.Extensions.Options;

namespace FigiAuth.Samples.Merchant.Payments;

/// <summary>Asks FigiAuth for the customer's approval and turns its answer into a payment status.</summary>
public sealed partial class PaymentService(
    ConfirmationsClient confirmations, ReceiptCheck receipts, PaymentStore store, IOptions<MerchantOptions> options, ILogger<PaymentService> logger)
{
    public async Task<CreatePaymentResult> CreateAsync(string customer, string amount, string? currency, CancellationToken ct)
    {
        var merchant = options.Value;
        if (string.IsNullOrWhiteSpace(customer))
            return new(null, "Enter the customer's phone number or username.");
        if (!decimal.TryParse(amount, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || value <= 0)
            return new(null, "Enter the amount as digits with an optional '.', e.g. 1500.00.");
        var request = ConfirmationRequest.For(customer, amount, currency ?? merchant.Currency, merchant.Payee, merchant.ConfirmationLifetimeSeconds);
        var created = await confirmations.CreateAsync(request, ct);
        if (created.Confirmation is not { } confirmation)
            return new(null, created.Error);
        var payment = new Payment(Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16)), customer.Trim(),
            new ExpectedPayment(confirmation.Id, value, request.Currency, merchant.Payee), confirmation);
        store.Add(payment);
        return new(payment, null);
    }

    /// <summary>Reads the confirmation at FigiAuth while the payment is pending; "paid" only with a verified, matching receipt.</summary>
    public async Task<Payment?> RefreshAsync(string id, CancellationToken ct)
    {
        if (store.Find(id) is not { } payment || payment.IsFinal)
            return store.Find(id);
        await payment.Gate.WaitAsync(ct);
        try
        {
            if (payment.IsFinal)
                return payment;
            var confirmation = await confirmations.GetAsync(payment.Expected.ConfirmationId, ct);
            switch (confirmation?.Status)
            {
                case null:
                    payment.Finish(PaymentStatus.Failed, "FigiAuth does not know this confirmation");
                    break;
                case Confirmation.Confirmed:
                    var verdict = await receipts.VerifyAsync(confirmation.Receipt, payment.Expected, ct);
                    if (verdict.IsValid)
                        payment.Finish(PaymentStatus.Paid, receipt: verdict.Receipt);
                    else
                    {
                        Log.ReceiptRefused(logger, payment.Id, verdict.Failure);
                        payment.Finish(PaymentStatus.Failed, verdict.Failure);
                    }
                    break;
                case Confirmation.Rejected:
                    payment.Finish(PaymentStatus.Rejected, "the customer declined");
                    break;
                case Confirmation.Expired:
                    payment.Finish(PaymentStatus.Expired, "the customer did not answer in time");
                    break;
                case Confirmation.Cancelled:
                    payment.Finish(PaymentStatus.Cancelled, "cancelled");
                    break;
            }
            return payment;
        }
        finally
        {
            payment.Gate.Release();
        }
    }

    /// <summary>
    /// Cancels a pending payment at FigiAuth (the customer can no longer approve it); a payment answered meanwhile keeps
    /// what FigiAuth says. Null when unknown.
    /// </summary>
    public async Task<Payment?> CancelAsync(string id, CancellationToken ct)
    {
        if (store.Find(id) is not { } payment)
            return null;
        await payment.Gate.WaitAsync(ct);
        try
        {
            if (!payment.IsFinal && await confirmations.CancelAsync(payment.Expected.ConfirmationId, ct))
                payment.Finish(PaymentStatus.Cancelled, "cancelled by the merchant");
        }
        finally
        {
            payment.Gate.Release();
        }
        return await RefreshAsync(id, ct);
    }

    static partial class Log
    {
        [LoggerMessage(EventId = 7001, Level = LogLevel.Warning, Message = "Payment {PaymentId} not paid: receipt refused ({Reason})")]
        public static partial void ReceiptRefused(ILogger logger, string paymentId, string reason);
    }
}
