using System.Net;
using System.Text.Json.Nodes;
using FigiAuth.Samples.Tests.FakeFigiAuth;

namespace FigiAuth.Samples.Wallet.Tests;

public sealed class TransferTests
{
    [Fact]
    public async Task Succeeds_DebitsAndShowsTheVerifiedReceipt_WhenConfirmed()
    {
        await using var host = await WalletHost.StartAsync();
        using var alice = host.CreateClient("alice");
        Assert.Equal("1000.00 KES", await WalletHost.BalanceAsync(alice));

        var (id, _) = await WalletHost.SendAsync(alice, "Bob", "150");
        var asked = JsonNode.Parse(host.FigiAuth.Single().RequestJson)!;
        Assert.Equal("alice", asked["username"]!.GetValue<string>());
        Assert.Equal("150.00", asked["amount"]!.GetValue<string>());
        Assert.Equal("pending", await WalletHost.StatusAsync(alice, id!));
        Assert.Equal("1000.00 KES", await WalletHost.BalanceAsync(alice));

        host.FigiAuth.Single().Confirm();

        Assert.Equal("completed", await WalletHost.StatusAsync(alice, id!));
        Assert.Equal("850.00 KES", await WalletHost.BalanceAsync(alice));
        var page = await alice.GetStringAsync($"/transfer/{id}");
        Assert.Contains("Receipt verified", page);
        Assert.Contains(host.FigiAuth.Single().Id, page);
        Assert.Contains("receipt verified", await alice.GetStringAsync("/"));
    }

    [Fact]
    public async Task Succeeds_DebitsExactlyOnce_WhenPolledManyTimesInParallel()
    {
        await using var host = await WalletHost.StartAsync();
        using var alice = host.CreateClient("alice");
        var (id, _) = await WalletHost.SendAsync(alice, "Bob", "100");
        host.FigiAuth.Single().Confirm();

        var statuses = await Task.WhenAll(Enumerable.Range(0, 24).Select(_ => WalletHost.StatusAsync(alice, id!)));

        Assert.All(statuses, s => Assert.Equal("completed", s));
        Assert.Equal("900.00 KES", await WalletHost.BalanceAsync(alice));
    }

    [Fact]
    public async Task Succeeds_ShowsPhoneInstructionsWithTheDisplayText_WhilePending()
    {
        await using var host = await WalletHost.StartAsync();
        using var alice = host.CreateClient("alice");
        var (id, _) = await WalletHost.SendAsync(alice);

        var page = await alice.GetStringAsync($"/transfer/{id}");

        Assert.Contains($"approve --server {host.FigiAuth.Issuer} --user alice --id {host.FigiAuth.Single().Id}", page);
        Assert.Contains("Confirm payment of 150.00 KES to Bob", page);
        Assert.Contains("data-confirmation=\"" + host.FigiAuth.Single().Id, page);
    }

    [Theory]
    [MemberData(nameof(ReceiptMutations.Names), MemberType = typeof(ReceiptMutations))]
    public async Task Fails_NoDebit_WhenTheReceiptIsNotForThisTransfer(string mutation)
    {
        await using var host = await WalletHost.StartAsync();
        using var alice = host.CreateClient("alice");
        var (id, _) = await WalletHost.SendAsync(alice);

        host.FigiAuth.Single().ConfirmWith(mutation);

        Assert.Equal("failed", await WalletHost.StatusAsync(alice, id!));
        Assert.Equal("1000.00 KES", await WalletHost.BalanceAsync(alice));
    }

    [Theory]
    [InlineData("rejected")]
    [InlineData("expired")]
    public async Task Fails_NoDebit_WhenNotApproved(string outcome)
    {
        await using var host = await WalletHost.StartAsync();
        using var alice = host.CreateClient("alice");
        var (id, _) = await WalletHost.SendAsync(alice);

        if (outcome == "rejected")
            host.FigiAuth.Single().Reject();
        else
            host.FigiAuth.Single().Expire();

        Assert.Equal(outcome, await WalletHost.StatusAsync(alice, id!));
        Assert.Equal("1000.00 KES", await WalletHost.BalanceAsync(alice));
        Assert.Contains("Your balance was not touched", await alice.GetStringAsync($"/transfer/{id}"));
    }

    [Fact]
    public async Task Fails_WithoutAConfirmation_WhenTheAmountExceedsWhatIsAvailable()
    {
        await using var host = await WalletHost.StartAsync();
        using var alice = host.CreateClient("alice");
        await WalletHost.SendAsync(alice, amount: "600");

        var (id, page) = await WalletHost.SendAsync(alice, amount: "500");

        Assert.Null(id);
        Assert.Contains("Not enough money available", page);
        Assert.Single(host.FigiAuth.Confirmations);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1.001")]
    [InlineData("1,000")]
    [InlineData("-5")]
    public async Task Fails_WithoutAConfirmation_WhenTheAmountIsInvalid(string amount)
    {
        await using var host = await WalletHost.StartAsync();
        using var alice = host.CreateClient("alice");

        var (id, page) = await WalletHost.SendAsync(alice, amount: amount);

        Assert.Null(id);
        Assert.Contains("role=\"alert\"", page);
        Assert.Empty(host.FigiAuth.Confirmations);
    }

    [Fact]
    public async Task Fails_With404_ForAnotherUsersTransfer()
    {
        await using var host = await WalletHost.StartAsync();
        using var alice = host.CreateClient("alice");
        using var mallory = host.CreateClient("mallory");
        var (id, _) = await WalletHost.SendAsync(alice);

        Assert.Equal(HttpStatusCode.NotFound, (await mallory.GetAsync($"/transfers/{id}/status")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await mallory.GetAsync($"/transfer/{id}")).StatusCode);
    }
}
