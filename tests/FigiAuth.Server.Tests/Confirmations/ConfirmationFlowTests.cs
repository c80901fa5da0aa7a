using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FigiAuth.Server.Confirmations;
using FigiAuth.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FigiAuth.Server.Tests.Confirmations;

/// <summary>Create over HTTP, confirm through the seam, then read status, receipt, admin view and the callback.</summary>
public sealed class ConfirmationFlowTests(CallbackServerFactory factory) : IClassFixture<CallbackServerFactory>
{
    [Fact]
    public async Task Succeeds_WhenConfirmedThroughSeam_ClientReadsReceipt_AdminReadsAssertion_AndCallbackIsRetried()
    {
        var (userId, name) = await factory.AddUserAsync();
        var client = factory.CreateDfsClient();
        var callback = $"http://127.0.0.1:9/callbacks/{Guid.NewGuid():N}";
        var created = await (await client.PostAsJsonAsync("/confirmations/v1", new
        {
            username = name, amount = "75.50", currency = "KES", payee = new { name = "Agent 7" }, callbackUrl = callback,
        })).Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetString()!;

        var before = await client.GetAsync($"/confirmations/v1/{id}/receipt");
        var result = await factory.WithDbAsync(async (db, sp) =>
        {
            var service = sp.GetRequiredService<ConfirmationService>();
            var content = (await service.PrepareForUafAsync(id, userId)).Value!;
            return await service.CompleteAsync(id, userId, ConfirmationMethod.Uaf, "ABCD#0001", content.ContentHash, new byte[] { 9, 9, 9 }, db);
        });
        var read = await client.GetFromJsonAsync<JsonElement>($"/confirmations/v1/{id}");
        var receipt = await client.GetFromJsonAsync<JsonElement>($"/confirmations/v1/{id}/receipt");
        var admin = await factory.CreateClientWithRoles("admin").GetFromJsonAsync<JsonElement>($"/admin/v1/confirmations/{id}");
        var notAdmin = await client.GetAsync($"/admin/v1/confirmations/{id}");
        // Two sweeps 200 ms apart normally; a loaded CI machine can be much slower. The loop ends as soon as both arrive.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (factory.Received.Count(r => r.Url.ToString() == callback) < 2 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        var calls = factory.Received.Where(r => r.Url.ToString() == callback).ToList();

        Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);
        Assert.True(result.Succeeded);
        Assert.Equal("confirmed", read.GetProperty("status").GetString());
        Assert.Equal("uaf", read.GetProperty("method").GetString());
        Assert.Equal(result.Value!.Receipt, read.GetProperty("receipt").GetString());
        Assert.Equal(result.Value.Receipt, receipt.GetProperty("receipt").GetString());
        Assert.Equal(result.Value.Receipt, admin.GetProperty("confirmation").GetProperty("receipt").GetString());
        Assert.Equal("CQkJ", admin.GetProperty("signedAssertion").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, notAdmin.StatusCode);
        Assert.Equal(2, calls.Count);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, calls[0].Answer);
        Assert.Equal(HttpStatusCode.NoContent, calls[1].Answer);
        Assert.Contains("\"confirmed\"", calls[1].Body);
        Assert.Contains(id, calls[1].Body);
    }

    [Fact]
    public async Task Fails_With400_WhenCallbackUrlIsNotHttp()
    {
        var (_, name) = await factory.AddUserAsync();

        var response = await factory.CreateDfsClient().PostAsJsonAsync("/confirmations/v1", new
        {
            username = name, amount = "1", currency = "KES", payee = new { name = "Bob" }, callbackUrl = "file:///etc/passwd",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
