using System.Buffers.Text;
using System.Text;
using System.Text.Json.Nodes;
using FigiAuth.Samples.FigiAuthApi;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FigiAuth.Browser.Tests.Decoupled;

/// <summary>
/// The decoupled (CIBA-style) flow with real processes: the merchant back end asks FigiAuth for the customer's
/// approval through its API, the customer answers on figiauth-phone, the merchant says paid only on a verified
/// receipt. Then the refusals that only show end to end: expired, cancelled, already answered, another user's key, and a
/// tampered receipt at the merchant's check. (The server-level refusals are in FigiAuth.Server.Tests.)
/// </summary>
public sealed class DecoupledFlowTests(DecoupledWorld world) : IClassFixture<DecoupledWorld>
{
    const string Payee = "Mama Mboga Shop";
    const string PayeeAccount = "+254700000001";

    /// <summary>
    /// What the phone says when FigiAuth refuses to issue a request for a confirmation that is no longer pending. (The
    /// server's /get answer also carries a description saying which reason; the SDK's UafHttpClient does not pass it on.)
    /// </summary>
    const string Request1491 = "server refused: UAF status 1491 (request invalid: the challenge is unknown, expired or already used)";

    [Fact]
    public async Task PaymentApprovedOnThePhone_IsPaidWithAVerifiedReceipt_ARejectedOneIsNeverPaid()
    {
        var phone = await world.EnrolledCustomerAsync("amina");
        Assert.Equal(401, await world.Merchant.StatusWithoutKeyAsync(HttpMethod.Post, "/api/payments"));

        var payment = await world.Merchant.CreatePaymentAsync(phone.User, "250.00");
        Assert.Equal("pending", (string?)payment["status"]);
        var confirmationId = (string)payment["confirmationId"]!;
        const string text = $"Confirm payment of 250.00 KES to {Payee} ({PayeeAccount})";
        Assert.Equal(text, (string?)payment["displayText"]);
        Assert.Equal(401, await world.Merchant.StatusWithoutKeyAsync(HttpMethod.Get, $"/api/payments/{payment["id"]}"));

        var listed = await phone.RunAsync("approve");
        listed.AssertOk(confirmationId);
        Assert.Contains(text, listed.Stdout);

        var approved = await phone.ApproveAsync(confirmationId);
        approved.AssertOk($"Approved confirmation {confirmationId}");
        Assert.Contains($"{text}  -> approved (--yes)", approved.Stdout);

        var paid = await world.Merchant.GetPaymentAsync((string)payment["id"]!);
        Assert.True((string?)paid["status"] == "paid", $"{paid}\n{world.Output}");
        var receipt = paid["receipt"]!.AsObject();
        Assert.Equal(confirmationId, (string?)receipt["confirmationId"]);
        Assert.Equal("250.00", (string?)receipt["amount"]);
        Assert.Equal("KES", (string?)receipt["currency"]);
        Assert.Equal(Payee, (string?)receipt["payee"]!["name"]);
        Assert.Equal(PayeeAccount, (string?)receipt["payee"]!["account"]);
        Assert.Equal(text, (string?)receipt["displayText"]);
        Assert.Equal("uaf", (string?)receipt["method"]);
        Assert.Equal("F1D0#0001", (string?)receipt["authenticator"]);
        Assert.False(string.IsNullOrEmpty((string?)receipt["subject"]));

        var second = await world.Merchant.CreatePaymentAsync(phone.User, "75.00");
        var secondConfirmation = (string)second["confirmationId"]!;
        (await phone.RejectAsync(secondConfirmation)).AssertOk($"Rejected confirmation {secondConfirmation}");
        var rejected = await world.Merchant.GetPaymentAsync((string)second["id"]!);
        Assert.Equal("rejected", (string?)rejected["status"]);
        Assert.Null(rejected["receipt"]);
        // Rejected stays rejected: approving afterwards is refused and the merchant never says paid.
        (await phone.ApproveAsync(secondConfirmation)).AssertRefused(Request1491);
        Assert.Equal("rejected", await world.Merchant.StatusOfAsync(second));
        (await phone.RunAsync("approve")).AssertOk("No pending confirmations.");
    }

    [Fact]
    public async Task CancelledByTheMerchant_ThePhoneCannotApproveIt()
    {
        var phone = await world.EnrolledCustomerAsync("baraka");
        var payment = await world.Merchant.CreatePaymentAsync(phone.User, "120.00");
        var cancelled = await world.Merchant.CancelPaymentAsync((string)payment["id"]!);
        Assert.Equal("cancelled", (string?)cancelled["status"]);

        (await phone.ApproveAsync((string)payment["confirmationId"]!)).AssertRefused(Request1491);
        (await phone.RejectAsync((string)payment["confirmationId"]!)).AssertRefused("the confirmation is no longer pending (Cancelled)");
        Assert.Equal("cancelled", await world.Merchant.StatusOfAsync(payment));
    }

    [Fact]
    public async Task AnsweredOnce_ASecondAnswerIsRefused()
    {
        var phone = await world.EnrolledCustomerAsync("juma");
        var payment = await world.Merchant.CreatePaymentAsync(phone.User, "60.00");
        var id = (string)payment["confirmationId"]!;
        (await phone.ApproveAsync(id)).AssertOk("Approved confirmation");

        (await phone.ApproveAsync(id)).AssertRefused(Request1491);
        (await phone.RejectAsync(id)).AssertRefused("the confirmation is no longer pending (AlreadyAnswered)");
        Assert.Equal("paid", await world.Merchant.StatusOfAsync(payment));
    }

    [Fact]
    public async Task AnotherUsersPhone_CannotAnswerIt_AndTheOwnersStaysPending()
    {
        var owner = await world.EnrolledCustomerAsync("wanjiru");
        var other = await world.EnrolledCustomerAsync("otieno");
        var payment = await world.Merchant.CreatePaymentAsync(owner.User, "500.00");
        var id = (string)payment["confirmationId"]!;

        (await other.ApproveAsync(id)).AssertRefused("server refused: UAF status 1404 (not found)");
        (await other.RejectAsync(id)).AssertRefused($"no confirmation {id} for {other.User}");
        (await other.RunAsync("approve")).AssertOk("No pending confirmations.");
        Assert.Equal("pending", await world.Merchant.StatusOfAsync(payment));

        (await owner.ApproveAsync(id)).AssertOk("Approved confirmation");
        Assert.Equal("paid", await world.Merchant.StatusOfAsync(payment));
    }

    [Fact]
    public async Task NotAnsweredInTime_IsExpired_AndCannotBeApprovedLater()
    {
        var phone = await world.EnrolledCustomerAsync("kamau");
        var payment = await world.ShortMerchant.CreatePaymentAsync(phone.User, "40.00");
        var expiresAt = DateTimeOffset.Parse((string)payment["expiresAt"]!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(expiresAt - DateTimeOffset.UtcNow, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(DecoupledWorld.ShortLifetimeSeconds + 1));

        var wait = expiresAt - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(1);
        await Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.Zero);
        JsonObject view;
        var deadline = DateTimeOffset.UtcNow.AddSeconds(20);
        do
        {
            view = await world.ShortMerchant.GetPaymentAsync((string)payment["id"]!);
            if ((string?)view["status"] != "pending")
            {
                break;
            }

            await Task.Delay(1000);
        }
        while (DateTimeOffset.UtcNow < deadline);

        Assert.Equal("expired", (string?)view["status"]);
        Assert.Equal("the customer did not answer in time", (string?)view["reason"]);
        (await phone.ApproveAsync((string)payment["confirmationId"]!)).AssertRefused(Request1491);
        Assert.Equal("expired", await world.ShortMerchant.StatusOfAsync(payment));
    }

    [Fact]
    public async Task TamperedReceipt_IsRefusedByTheMerchantsReceiptCheck()
    {
        var phone = await world.EnrolledCustomerAsync("achieng");
        var payment = await world.Merchant.CreatePaymentAsync(phone.User, "310.00");
        var id = (string)payment["confirmationId"]!;
        var approved = await phone.RunAsync("approve", "--id", id, "--yes", "--json");
        Assert.True(approved.ExitCode == 0, approved.Transcript);
        var receipt = (string)JsonNode.Parse(approved.Stdout.Trim().Split('\n')[^1])!["receipt"]!;

        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["FigiAuth:Server"] = world.Server.Origin,
                ["FigiAuth:ClientCredentials:ClientSecret"] = "unused",
            }).Build())
            .AddFigiAuthApi();
        await using var provider = services.BuildServiceProvider();
        var check = provider.GetRequiredService<ReceiptCheck>();
        var expected = new ExpectedPayment(id, 310.00m, "KES", new Payee(Payee, PayeeAccount));

        // The real receipt verifies against the running server's JWKS…
        var genuine = await check.VerifyAsync(receipt, expected, default);
        Assert.True(genuine.IsValid, genuine.Failure);
        Assert.Equal("uaf", genuine.Receipt!.Method);

        // …a payload changed after signing does not (the amount raised to 3100.00),
        var parts = receipt.Split('.');
        var claims = JsonNode.Parse(Base64Url.DecodeFromChars(parts[1]))!.AsObject();
        claims["amount"] = "3100.00";
        var tampered = $"{parts[0]}.{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(claims.ToJsonString()))}.{parts[2]}";
        Assert.Equal("the receipt's signature, type, algorithm or issuer does not verify",
            (await check.VerifyAsync(tampered, expected with { Amount = 3100.00m }, default)).Failure);

        // …nor a damaged signature,
        var signature = Base64Url.DecodeFromChars(parts[2]);
        signature[0] ^= 0x01;
        Assert.Equal("the receipt's signature, type, algorithm or issuer does not verify",
            (await check.VerifyAsync($"{parts[0]}.{parts[1]}.{Base64Url.EncodeToString(signature)}", expected, default)).Failure);

        // …and a genuine receipt does not pay for another confirmation, amount or payee.
        Assert.Equal("the receipt is for another confirmation",
            (await check.VerifyAsync(receipt, expected with { ConfirmationId = "another" }, default)).Failure);
        Assert.Equal("the receipt is for another amount",
            (await check.VerifyAsync(receipt, expected with { Amount = 31.00m }, default)).Failure);
        Assert.Equal("the receipt is for another payee",
            (await check.VerifyAsync(receipt, expected with { Payee = new Payee("Mallory", PayeeAccount) }, default)).Failure);
    }
}
