using FigiAuth.Samples.FigiAuthApi;
using FigiAuth.Samples.Merchant;
using FigiAuth.Samples.Merchant.Payments;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using QRCoder;

namespace Microsoft.AspNetCore.Builder;

public static class PaymentEndpoints
{
    /// <summary>
    /// /api/payments for a DFS core (X-Api-Key), and /payments/{id}/status and /qr.png for the cashier page.
    /// </summary>
    public static void MapPaymentEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/payments").WithTags("Payments").AddEndpointFilter<ApiKeyFilter>();
        api.MapPost("/", CreateAsync);
        api.MapGet("/{id}", GetAsync);
        api.MapPost("/{id}/cancel", CancelAsync);

        var cashier = app.MapGroup("/payments/{id}").WithTags("Cashier");
        cashier.MapGet("/status", GetAsync);
        cashier.MapGet("/qr.png", GetQrCode);
    }

    static async Task<Results<Created<PaymentView>, ValidationProblem>> CreateAsync(
        CreatePaymentBody body, PaymentService payments, IOptions<FigiAuthApiOptions> figiAuth, CancellationToken ct)
    {
        var result = await payments.CreateAsync(body.Customer, body.Amount, body.Currency, ct);
        return result.Payment is { } payment
            ? TypedResults.Created($"/api/payments/{payment.Id}", PaymentView.From(payment, figiAuth.Value.Server))
            : TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["payment"] = [result.Error ?? "refused"] });
    }

    static async Task<Results<Ok<PaymentView>, NotFound>> GetAsync(
        string id, PaymentService payments, IOptions<FigiAuthApiOptions> figiAuth, CancellationToken ct) =>
        await payments.RefreshAsync(id, ct) is { } payment
            ? TypedResults.Ok(PaymentView.From(payment, figiAuth.Value.Server))
            : TypedResults.NotFound();

    static async Task<Results<Ok<PaymentView>, NotFound>> CancelAsync(
        string id, PaymentService payments, IOptions<FigiAuthApiOptions> figiAuth, CancellationToken ct) =>
        await payments.CancelAsync(id, ct) is { } payment
            ? TypedResults.Ok(PaymentView.From(payment, figiAuth.Value.Server))
            : TypedResults.NotFound();

    static Results<FileContentHttpResult, NotFound> GetQrCode(string id, PaymentStore store, IOptions<FigiAuthApiOptions> figiAuth)
    {
        if (store.Find(id) is not { } payment)
            return TypedResults.NotFound();
        var link = PaymentView.ConfirmLinkFor(payment.Expected.ConfirmationId, figiAuth.Value.Server);
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(link, QRCodeGenerator.ECCLevel.M);
        return TypedResults.File(new PngByteQRCode(data).GetGraphic(8), "image/png");
    }
}
