using System.Net;
using System.Net.Http.Json;
using FigiAuth.Server.Admin;
using FigiAuth.Server.Audit;
using FigiAuth.Server.Data;
using FigiAuth.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FigiAuth.Server.Tests.Admin;

public sealed class AdminEndpointsTests(FigiAuthServerFactory factory) : IClassFixture<FigiAuthServerFactory>
{
    [Theory]
    [InlineData("/admin/v1/audit")]
    [InlineData("/admin/v1/audit/verify")]
    [InlineData("/admin/v1/users/00000000-0000-0000-0000-000000000001/uaf-registrations")]
    public async Task Fails_With401_WhenAnonymous(string path)
    {
        var response = await factory.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Fails_With403_WhenTokenLacksAdminRole()
    {
        var client = factory.CreateClientWithRoles("user");

        var list = await client.GetAsync("/admin/v1/audit");
        var revoke = await client.PostAsync($"/admin/v1/uaf-registrations/{Guid.NewGuid()}/revoke", null);

        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, revoke.StatusCode);
    }

    [Fact]
    public async Task Fails_With401_WhenTokenIsForged()
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4Iiwicm9sZSI6ImFkbWluIn0.");

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/admin/v1/audit")).StatusCode);
    }

    [Fact]
    public async Task Succeeds_WhenRevokeChangesStatusAndWritesAuditEvent()
    {
        var registration = await factory.AddRegistrationAsync();
        var client = factory.CreateClientWithRoles("admin");

        var response = await client.PostAsJsonAsync($"/admin/v1/uaf-registrations/{registration.Id}/revoke", new RevokeRequest("lost phone"));
        var listed = await client.GetFromJsonAsync<List<UafRegistrationSummary>>($"/admin/v1/users/{registration.UserId}/uaf-registrations");
        var events = await factory.WithDbAsync((db, _) =>
            db.AuditEvents.Where(a => a.Subject == registration.Id.ToString("D")).ToListAsync());
        var verification = await client.GetFromJsonAsync<AuditVerification>("/admin/v1/audit/verify");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(UafRegistrationStatus.Revoked, Assert.Single(listed!).Status);
        var e = Assert.Single(events);
        Assert.Equal("uaf.registration.revoked", e.Type);
        Assert.Equal(registration.UserId, e.UserId);
        Assert.Contains("lost phone", e.DetailJson);
        Assert.True(verification!.Valid);
    }

    [Fact]
    public async Task Succeeds_WhenVerifyIsGivenTheHeadItReturned_AndFails400OnAMalformedOne()
    {
        var client = factory.CreateClientWithRoles("admin");
        await factory.AddRegistrationAsync();
        await client.PostAsJsonAsync("/admin/v1/uaf-registrations/" + (await factory.AddRegistrationAsync()).Id + "/revoke", new RevokeRequest("test"));

        var first = await client.GetFromJsonAsync<AuditVerification>("/admin/v1/audit/verify");
        var again = await client.GetFromJsonAsync<AuditVerification>("/admin/v1/audit/verify?expectHead=" + Uri.EscapeDataString(first!.Head!));
        var malformed = await client.GetAsync("/admin/v1/audit/verify?expectHead=nonsense");

        Assert.True(again!.Valid, again.Reason);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
    }

    [Fact]
    public async Task Fails_With404AndNoAuditEvent_WhenRegistrationIsUnknown()
    {
        var client = factory.CreateClientWithRoles("admin");
        var before = await factory.WithDbAsync((db, _) => db.AuditEvents.CountAsync());

        var response = await client.PostAsync($"/admin/v1/uaf-registrations/{Guid.NewGuid()}/revoke", null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(before, await factory.WithDbAsync((db, _) => db.AuditEvents.CountAsync()));
    }

    [Fact]
    public async Task Succeeds_WhenAuditLogIsPagedBySeq()
    {
        for (var i = 0; i < 3; i++)
        {
            await factory.WithDbAsync((db, sp) => sp.GetRequiredService<AuditLog>().AppendAsync(db, new AuditEntry("test.page")));
        }

        var client = factory.CreateClientWithRoles("admin");

        var first = await client.GetFromJsonAsync<AuditPage>("/admin/v1/audit?limit=2");
        var second = await client.GetFromJsonAsync<AuditPage>($"/admin/v1/audit?limit=2&afterSeq={first!.NextAfterSeq}");

        Assert.Equal(2, first.Events.Count);
        Assert.NotNull(first.NextAfterSeq);
        Assert.True(second!.Events[0].Seq == first.Events[1].Seq + 1);
    }
}
