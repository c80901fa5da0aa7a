using System.Text.Json.Nodes;
using FigiAuth.Client.Facets;
using FigiAuth.Uaf.Messages;

namespace FigiAuth.Client.Tests;

public sealed class FacetAuthorizerTests
{
    private const string Android = "android:apk-key-hash:Lir5oIjf552K/XN4bTul0VS3GfM";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static (FacetAuthorizer Authorizer, FakeUafServer Server) Create(params string[] ids)
    {
        var server = new FakeUafServer
        {
            TrustedFacets = new JsonObject
            {
                ["trustedFacets"] = new JsonArray(
                    new JsonObject { ["version"] = new JsonObject { ["major"] = 1, ["minor"] = 0 }, ["ids"] = new JsonArray("ios:bundle-id:old") },
                    new JsonObject { ["version"] = new JsonObject { ["major"] = 1, ["minor"] = 1 }, ["ids"] = new JsonArray([.. ids.Select(i => (JsonNode)i)]) }),
            },
        };
        return (new FacetAuthorizer(new HttpClient(server)), server);
    }

    [Fact]
    public async Task EmptyAppId_BecomesTheFacetId()
    {
        var (authorizer, server) = Create();

        Assert.Equal(Android, await authorizer.AuthorizeAsync("", Android, UafVersion.V1_1, Ct));
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task SameHostHttpsFacet_IsAllowed_WithoutFetchingTheList()
    {
        var (authorizer, server) = Create();

        Assert.Equal(FakeUafServer.AppId, await authorizer.AuthorizeAsync(FakeUafServer.AppId, "https://bank.example", UafVersion.V1_1, Ct));
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task ListedFacet_IsTrusted_AndTheListIsAskedForWithItsMediaType()
    {
        var (authorizer, server) = Create("https://m.bank.example:444/path", Android + "=");

        Assert.Equal(FakeUafServer.AppId, await authorizer.AuthorizeAsync(FakeUafServer.AppId, Android, UafVersion.V1_1, Ct));
        Assert.Equal(FakeUafServer.AppId, await authorizer.AuthorizeAsync(FakeUafServer.AppId, "https://m.bank.example:444", UafVersion.V1_1, Ct));
        Assert.Equal("application/fido.trusted-apps+json", server.Requests[0].Request.Headers.Accept.Single().MediaType);
    }

    [Fact]
    public async Task UnlistedFacet_FailsWithUntrustedFacetId()
    {
        var (authorizer, _) = Create(Android);

        var error = await Assert.ThrowsAsync<UafClientException>(() => authorizer.AuthorizeAsync(FakeUafServer.AppId, "ios:bundle-id:evil", UafVersion.V1_1, Ct));

        Assert.Equal(UafClientErrorCode.UntrustedFacetId, error.ErrorCode);
    }

    [Fact]
    public async Task FacetListedOnlyForAnotherVersion_IsUntrusted()
    {
        var (authorizer, _) = Create(Android);

        var error = await Assert.ThrowsAsync<UafClientException>(() => authorizer.AuthorizeAsync(FakeUafServer.AppId, "ios:bundle-id:old", UafVersion.V1_1, Ct));

        Assert.Equal(UafClientErrorCode.UntrustedFacetId, error.ErrorCode);
    }

    [Fact]
    public async Task WebFacetOutsideTheAppIdDomain_IsDiscardedFromTheList()
    {
        var (authorizer, _) = Create("https://evil.example.org");

        var error = await Assert.ThrowsAsync<UafClientException>(() => authorizer.AuthorizeAsync(FakeUafServer.AppId, "https://evil.example.org", UafVersion.V1_1, Ct));

        Assert.Equal(UafClientErrorCode.UntrustedFacetId, error.ErrorCode);
    }

    [Fact]
    public async Task ListWithTheWrongContentType_IsRefused()
    {
        var (authorizer, server) = Create(Android);
        server.FacetsContentType = "application/json";

        var error = await Assert.ThrowsAsync<UafClientException>(() => authorizer.AuthorizeAsync(FakeUafServer.AppId, Android, UafVersion.V1_1, Ct));

        Assert.Equal(UafClientErrorCode.UntrustedFacetId, error.ErrorCode);
    }

    [Fact]
    public async Task HttpAppId_IsRefused_UnlessAllowedForDevelopment()
    {
        var (authorizer, _) = Create(Android);

        var error = await Assert.ThrowsAsync<UafClientException>(() => authorizer.AuthorizeAsync("http://bank.example/uaf/v1/facets", Android, UafVersion.V1_1, Ct));

        Assert.Equal(UafClientErrorCode.UntrustedFacetId, error.ErrorCode);
    }

    [Fact]
    public async Task UafClient_RefusesAnUntrustedFacet_BeforeSigning()
    {
        var test = new TestAuthenticators();
        var server = new FakeUafServer
        {
            UafRequest = FakeUafServer.RegistrationRequest(FakeUafServer.Accept(["F1D0#0001"])),
            TrustedFacets = JsonNode.Parse("""{"trustedFacets":[{"version":{"major":1,"minor":1},"ids":["ios:bundle-id:good"]}]}"""),
        };
        var client = new UafClient(server.HttpClient(), [test.Create(Authenticators.AuthenticatorProfiles.P256Raw)], new UafClientOptions { FacetId = "ios:bundle-id:evil" });

        var error = await Assert.ThrowsAsync<UafClientException>(() => client.RegisterAsync("alice", Ct));

        Assert.Equal(UafClientErrorCode.UntrustedFacetId, error.ErrorCode);
        Assert.Empty(await test.Store.LoadAsync(Ct));
    }
}
