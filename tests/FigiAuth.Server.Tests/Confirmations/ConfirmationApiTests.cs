using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FigiAuth.Server.Tests.Infrastructure;

namespace FigiAuth.Server.Tests.Confirmations;

/// <summary>DESIGN.md "Transaction confirmation" (decoupled): the DFS back-end and phone endpoints.</summary>
public sealed class ConfirmationApiTests(FigiAuthServerFactory factory) : IClassFixture<FigiAuthServerFactory>
{
    static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();

    /// <summary>Posts the body made for a new user's name; asserts 400 with an error for <paramref name="field"/>.</summary>
    async Task AssertRefusedAsync(Func<string, object> body, string field)
    {
        var (_, name) = await factory.AddUserAsync();

        var response = await factory.CreateDfsClient().PostAsJsonAsync("/confirmations/v1", body(name));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await JsonAsync(response)).GetProperty("errors").TryGetProperty(field, out _), field);
    }

    async Task<(HttpClient Client, Guid UserId, JsonElement Created)> CreateAsync(object? body = null, string? username = null)
    {
        var (userId, name) = await factory.AddUserAsync();
        var client = factory.CreateDfsClient();
        var response = await client.PostAsJsonAsync("/confirmations/v1", body ?? ConfirmationTestExtensions.Body(username ?? name));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (client, userId, await JsonAsync(response));
    }

    [Fact]
    public async Task Succeeds_WhenClientCreatesReadsAndCancels()
    {
        var (client, _, created) = await CreateAsync();
        var id = created.GetProperty("id").GetString()!;

        var read = await JsonAsync(await client.GetAsync($"/confirmations/v1/{id}"));
        var cancel = await client.PostAsync($"/confirmations/v1/{id}/cancel", null);
        var after = await JsonAsync(await client.GetAsync($"/confirmations/v1/{id}"));
        var again = await client.PostAsync($"/confirmations/v1/{id}/cancel", null);

        Assert.Equal(43, id.Length);
        Assert.Equal("pending", created.GetProperty("status").GetString());
        Assert.Equal("pending", read.GetProperty("status").GetString());
        Assert.Equal("1500.00", read.GetProperty("amount").GetString());
        var expiresIn = created.GetProperty("expiresAt").GetDateTimeOffset() - created.GetProperty("createdAt").GetDateTimeOffset();
        Assert.Equal(TimeSpan.FromMinutes(5), expiresIn);
        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        Assert.Equal("cancelled", after.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task Succeeds_WhenDisplayTextIsBuiltFromAmountCurrencyAndPayee()
    {
        var (_, _, created) = await CreateAsync();

        Assert.Equal("Confirm payment of 1,500.00 KES to Mama Mboga Shop (+254700000001)", created.GetProperty("displayText").GetString());
    }

    [Fact]
    public async Task Fails_With400_WhenCallerSendsDisplayText()
    {
        await AssertRefusedAsync(n => new
        {
            username = n, amount = "10.00", currency = "KES", payee = new { name = "Bob" }, displayText = "Send 1 KES to Bob",
        }, "displayText");
    }

    [Theory]
    [InlineData("1,500.00", "KES")]
    [InlineData("1500.000", "KES")]
    [InlineData("1500.5", "UGX")]
    [InlineData("1.5e3", "KES")]
    [InlineData("-5", "KES")]
    [InlineData("0", "KES")]
    [InlineData("0.00", "KES")]
    [InlineData("\u0661\u0665\u0660\u0660", "KES")]
    [InlineData(" 1500", "KES")]
    [InlineData("1500.", "KES")]
    [InlineData("01500", "KES")]
    [InlineData("99999999999999999999", "KES")]
    public async Task Fails_With400_WhenAmountIsNotCanonical(string amount, string currency)
    {
        await AssertRefusedAsync(n => ConfirmationTestExtensions.Body(n, amount, currency), "amount");
    }

    [Fact]
    public async Task Fails_With400_WhenAmountIsAJsonNumber()
    {
        await AssertRefusedAsync(n => new { username = n, amount = 1500.00, currency = "KES", payee = new { name = "Bob" } }, "amount");
    }

    [Theory]
    [InlineData("kes")]
    [InlineData("XYZ")]
    [InlineData("KESS")]
    [InlineData("")]
    public async Task Fails_With400_WhenCurrencyIsNotAcceptedIso4217(string currency)
    {
        await AssertRefusedAsync(n => ConfirmationTestExtensions.Body(n, "10", currency), "currency");
    }

    [Theory]
    [InlineData("Bob\u202Egnp.exe")]
    [InlineData("Bob\u200BShop")]
    [InlineData("Bob\nShop")]
    [InlineData("")]
    public async Task Fails_With400_WhenPayeeNameHasControlOrFormatCharacters(string payee)
    {
        await AssertRefusedAsync(n => new { username = n, amount = "10", currency = "KES", payee = new { name = payee } }, "payee.name");
    }

    [Theory]
    [InlineData(10)]
    [InlineData(901)]
    public async Task Fails_With400_WhenLifetimeIsOutOfRange(int seconds)
    {
        await AssertRefusedAsync(n => new { username = n, amount = "10", currency = "KES", payee = new { name = "Bob" }, expiresInSeconds = seconds }, "expiresInSeconds");
    }

    [Fact]
    public async Task Fails_With400_WhenUserIsUnknown()
    {
        var response = await factory.CreateDfsClient().PostAsJsonAsync("/confirmations/v1", ConfirmationTestExtensions.Body("nobody-" + Guid.NewGuid()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Succeeds_WhenUserIsFoundByPhone()
    {
        var phone = "+2547" + Random.Shared.Next(10_000_000, 99_999_999);
        var (userId, _) = await factory.AddUserAsync(phone);

        var response = await factory.CreateDfsClient().PostAsJsonAsync("/confirmations/v1",
            new { phone, amount = "250", currency = "UGX", payee = new { name = "Agent 42" } });
        var pending = await factory.CreateUserClient(userId).GetFromJsonAsync<JsonElement>("/confirmations/v1/pending");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("Confirm payment of 250 UGX to Agent 42", Assert.Single(pending.EnumerateArray()).GetProperty("displayText").GetString());
    }

    [Fact]
    public async Task Fails_With404_WhenAnotherClientAsks()
    {
        var (_, _, created) = await CreateAsync();
        var id = created.GetProperty("id").GetString()!;
        var other = factory.CreateDfsClient();

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/confirmations/v1/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/confirmations/v1/{id}/receipt")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"/confirmations/v1/{id}/cancel", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync("/confirmations/v1/unknown-id")).StatusCode);
    }

    [Fact]
    public async Task Fails_With401Or403_WithoutTheConfirmationsScope()
    {
        var anonymous = await factory.CreateClient().PostAsJsonAsync("/confirmations/v1", ConfirmationTestExtensions.Body("x"));
        var wrongScope = await factory.CreateDfsClient(null, "profile").PostAsJsonAsync("/confirmations/v1", ConfirmationTestExtensions.Body("x"));
        var userToken = await factory.CreateUserClient(Guid.NewGuid()).PostAsJsonAsync("/confirmations/v1", ConfirmationTestExtensions.Body("x"));

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, wrongScope.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, userToken.StatusCode);
    }

    [Fact]
    public async Task Succeeds_WhenPendingListShowsOnlyTheUsersOwn()
    {
        var (_, alice, created) = await CreateAsync();
        var (_, bob, _) = await CreateAsync();

        var list = await factory.CreateUserClient(alice).GetFromJsonAsync<JsonElement>("/confirmations/v1/pending");
        var bobs = await factory.CreateUserClient(bob).GetFromJsonAsync<JsonElement>("/confirmations/v1/pending");

        Assert.Equal(created.GetProperty("id").GetString(), Assert.Single(list.EnumerateArray()).GetProperty("id").GetString());
        Assert.NotEqual(created.GetProperty("id").GetString(), Assert.Single(bobs.EnumerateArray()).GetProperty("id").GetString());
    }

    [Fact]
    public async Task Succeeds_WhenUserRejects_AndNotAnotherUsersConfirmation()
    {
        var (client, alice, created) = await CreateAsync();
        var id = created.GetProperty("id").GetString()!;

        var byOther = await factory.CreateUserClient(Guid.NewGuid()).PostAsync($"/confirmations/v1/{id}/reject", null);
        var byAlice = await factory.CreateUserClient(alice).PostAsync($"/confirmations/v1/{id}/reject", null);
        var status = (await client.GetFromJsonAsync<JsonElement>($"/confirmations/v1/{id}")).GetProperty("status").GetString();
        var pending = await factory.CreateUserClient(alice).GetFromJsonAsync<JsonElement>("/confirmations/v1/pending");

        Assert.Equal(HttpStatusCode.NotFound, byOther.StatusCode);
        Assert.Equal(HttpStatusCode.OK, byAlice.StatusCode);
        Assert.Equal("rejected", status);
        Assert.Empty(pending.EnumerateArray());
    }

    [Fact]
    public async Task Fails_With429_WhenUserHasTooManyPending()
    {
        var (_, name) = await factory.AddUserAsync();
        var client = factory.CreateDfsClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            statuses.Add((await client.PostAsJsonAsync("/confirmations/v1", ConfirmationTestExtensions.Body(name))).StatusCode);
        }

        Assert.All(statuses.Take(5), s => Assert.Equal(HttpStatusCode.Created, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[5]);
    }
}
