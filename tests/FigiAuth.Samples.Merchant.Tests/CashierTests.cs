using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FigiAuth.Samples.Tests.FakeFigiAuth;

namespace FigiAuth.Samples.Merchant.Tests;

public sealed class CashierTests
{
    [Fact]
    public async Task Succeeds_FromTheTillFormToPaid()
    {
        await using var host = await MerchantHost.StartAsync();
        using var cashier = host.CreateClient(followRedirects: false);

        var posted = await Forms.PostAsync(cashier, "/", new Dictionary<string, string> { ["Customer"] = "alice", ["Amount"] = "250" });
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var page = posted.Headers.Location!.OriginalString;
        var id = page[(page.LastIndexOf('/') + 1)..];
        var pending = await cashier.GetStringAsync(page);
        Assert.Contains("Confirm payment of 250 KES to Test Shop", pending);
        Assert.Contains($"/payments/{id}/qr.png", pending);

        host.FigiAuth.Single().Confirm();
        var status = await cashier.GetFromJsonAsync<JsonObject>($"/payments/{id}/status");
        var paid = await cashier.GetStringAsync(page);

        Assert.Equal("paid", status!["status"]!.GetValue<string>());
        Assert.Contains("Receipt verified", paid);
        Assert.Contains("Paid", paid);
    }

    [Fact]
    public async Task Fails_WithAMessage_WhenTheAmountIsNotANumber()
    {
        await using var host = await MerchantHost.StartAsync();
        using var cashier = host.CreateClient();

        var posted = await Forms.PostAsync(cashier, "/", new Dictionary<string, string> { ["Customer"] = "alice", ["Amount"] = "abc" });

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains("role=\"alert\"", await posted.Content.ReadAsStringAsync());
        Assert.Empty(host.FigiAuth.Confirmations);
    }

    [Fact]
    public async Task Succeeds_QrCodeIsAPngOfTheConfirmLink()
    {
        await using var host = await MerchantHost.StartAsync();
        var id = await host.CreatePaymentAsync();
        var payment = await host.GetPaymentAsync(id);

        var response = await host.CreateClient().GetAsync($"/payments/{id}/qr.png");
        var png = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        Assert.Equal($"figiauth://confirm/{host.FigiAuth.Single().Id}?server={Uri.EscapeDataString(host.FigiAuth.Issuer)}",
            payment["confirmLink"]!.GetValue<string>());
    }

    [Fact]
    public async Task Fails_With404_ForTheQrCodeOfAnUnknownPayment()
    {
        await using var host = await MerchantHost.StartAsync();

        var response = await host.CreateClient().GetAsync("/payments/unknown/qr.png");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
