using System.Net;
using System.Net.Http.Json;
using System.Text;
using FigiAuth.Server.Tests.Infrastructure;

namespace FigiAuth.Server.Tests.Limits;

/// <summary>SECURITY.md IN-01..IN-03: malformed HTTP is a 4xx with problem details, never a 500.</summary>
public sealed class RequestLimitTests(FigiAuthServerFactory factory) : IClassFixture<FigiAuthServerFactory>
{
    [Fact]
    public async Task Fails_With413ProblemDetails_WhenUafBodyExceeds64KiB()
    {
        var client = factory.CreateClient();
        var body = new StringContent(new string('a', 64 * 1024 + 1), Encoding.UTF8, "application/json");

        var response = await client.PostAsync("/uaf/v1/get", body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
    }

    [Fact]
    public async Task Fails_With400ProblemDetails_WhenJsonIsGarbage()
    {
        var client = factory.CreateClientWithRoles("admin");

        var response = await client.PostAsync($"/admin/v1/uaf-registrations/{Guid.NewGuid()}/revoke",
            new StringContent("{\"reason\": ", Encoding.UTF8, "application/json"));
        var problem = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
    }

    [Fact]
    public async Task Fails_With400_WhenJsonIsNestedDeeperThan32()
    {
        var client = factory.CreateClientWithRoles("admin");
        var deep = "{\"reason\":\"x\",\"n\":" + new string('[', 40) + new string(']', 40) + "}";

        var response = await client.PostAsync($"/admin/v1/uaf-registrations/{Guid.NewGuid()}/revoke",
            new StringContent(deep, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Fails_With415_WhenContentTypeIsNotJson()
    {
        var client = factory.CreateClientWithRoles("admin");

        var response = await client.PostAsync($"/admin/v1/uaf-registrations/{Guid.NewGuid()}/revoke",
            new StringContent("reason=x", Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }
}
