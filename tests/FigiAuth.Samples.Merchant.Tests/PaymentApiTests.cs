using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FigiAuth.Samples.Tests.FakeFigiAuth;

namespace FigiAuth.Samples.Merchant.Tests;

public sealed class PaymentApiTests
{
    [Fact]
    public async Task Succeeds_Paid_WhenConfirmedWithAValidReceipt()
    {
        await using var host = await MerchantHost.StartAsync();
        var id = await host.CreatePaymentAsync("alice", "1500.00");
        var asked = JsonNode.Parse(host.FigiAuth.Single().RequestJson)!;
        Assert.Equal("alice", asked["username"]!.GetValue<string>());
        Assert.Equal("1500.00", asked["amount"]!.GetValue<string>());
        Assert.Equal("Test Shop", asked["payee"]!["name"]!.GetValue<string>());

        host.FigiAuth.Single().Confirm();
        var payment = await host.GetPaymentAsync(id);

        Assert.Equal("paid", payment["status"]!.GetValue<string>());
        Assert.Equal(host.FigiAuth.Single().Id, payment["receipt"]!["confirmationId"]!.GetValue<string>());
        Assert.Equal("1500.00", payment["receipt"]!["amount"]!.GetValue<string>());
        Assert.Equal(host.FigiAuth.Single().DisplayText, payment["receipt"]!["displayText"]!.GetValue<string>());
    }

    [Fact]
    public async Task Succeeds_Pending_UntilTheCustomerAnswers()
    {
        await using var host = await MerchantHost.StartAsync();
        var id = await host.CreatePaymentAsync();

        var payment = await host.GetPaymentAsync(id);

        Assert.Equal("pending", payment["status"]!.GetValue<string>());
        Assert.Null(payment["receipt"]);
    }

    [Fact]
    public async Task Succeeds_WithAPhoneNumberAsTheCustomer()
    {
        await using var host = await MerchantHost.StartAsync();
        await host.CreatePaymentAsync("+254700000123");

        var asked = JsonNode.Parse(host.FigiAuth.Single().RequestJson)!;

        Assert.Equal("+254700000123", asked["phone"]!.GetValue<string>());
        Assert.Null(asked["username"]);
    }

    [Theory]
    [MemberData(nameof(ReceiptMutations.Names), MemberType = typeof(ReceiptMutations))]
    public async Task Fails_NotPaid_WhenTheReceiptIsNotForThisPayment(string mutation)
    {
        await using var host = await MerchantHost.StartAsync();
        var id = await host.CreatePaymentAsync();

        host.FigiAuth.Single().ConfirmWith(mutation);
        var payment = await host.GetPaymentAsync(id);

        Assert.Equal("failed", payment["status"]!.GetValue<string>());
        Assert.Null(payment["receipt"]);
    }

    [Theory]
    [InlineData("rejected")]
    [InlineData("expired")]
    public async Task Fails_NotPaid_WhenTheCustomerDoesNotApprove(string outcome)
    {
        await using var host = await MerchantHost.StartAsync();
        var id = await host.CreatePaymentAsync();

        if (outcome == "rejected")
            host.FigiAuth.Single().Reject();
        else
            host.FigiAuth.Single().Expire();
        var payment = await host.GetPaymentAsync(id);

        Assert.Equal(outcome, payment["status"]!.GetValue<string>());
        Assert.Null(payment["receipt"]);
    }

    [Fact]
    public async Task Fails_NotPaid_WhenAFinalStatusLaterReadsConfirmed()
    {
        await using var host = await MerchantHost.StartAsync();
        var id = await host.CreatePaymentAsync();
        host.FigiAuth.Single().Reject();
        await host.GetPaymentAsync(id);

        host.FigiAuth.Single().Confirm();

        Assert.Equal("rejected", (await host.GetPaymentAsync(id))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Fails_With400_WhenFigiAuthDoesNotKnowTheCustomer()
    {
        await using var host = await MerchantHost.StartAsync();

        var response = await host.Api.PostAsJsonAsync("/api/payments", new { customer = FakeConfirmation.UnknownUser, amount = "10", currency = "KES" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("username", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Fails_With400_WhenTheAmountIsNotANumber()
    {
        await using var host = await MerchantHost.StartAsync();

        var response = await host.Api.PostAsJsonAsync("/api/payments", new { customer = "alice", amount = "1,500", currency = "KES" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(host.FigiAuth.Confirmations);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    public async Task Fails_With401_WithoutTheApiKey(string? key)
    {
        await using var host = await MerchantHost.StartAsync();
        var id = await host.CreatePaymentAsync();
        using var client = host.CreateClient();
        if (key is not null)
            client.DefaultRequestHeaders.Add("X-Api-Key", key);

        var create = await client.PostAsJsonAsync("/api/payments", new { customer = "alice", amount = "10", currency = "KES" });
        var read = await client.GetAsync($"/api/payments/{id}");

        Assert.Equal(HttpStatusCode.Unauthorized, create.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, read.StatusCode);
        Assert.Single(host.FigiAuth.Confirmations);
    }

    [Fact]
    public async Task Fails_With404_ForAnUnknownPayment()
    {
        await using var host = await MerchantHost.StartAsync();

        var response = await host.Api.GetAsync("/api/payments/unknown");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Succeeds_ReusingOneClientToken()
    {
        await using var host = await MerchantHost.StartAsync();
        var id = await host.CreatePaymentAsync();
        await host.CreatePaymentAsync("bob");

        await host.GetPaymentAsync(id);

        Assert.Equal(1, host.FigiAuth.TokensIssued);
    }
}
