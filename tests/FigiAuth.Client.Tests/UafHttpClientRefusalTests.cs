using System.Net;
using FigiAuth.Client.Http;
using FigiAuth.Uaf.Messages;

namespace FigiAuth.Client.Tests;

/// <summary>
/// Each way the server can refuse /uaf/v1/get and /uaf/v1/respond (DESIGN.md "The UAF HTTP API"), and what reaches the
/// caller: the UAF statusCode and the server's own description, or the HTTP status and problem details.
/// </summary>
public sealed class UafHttpClientRefusalTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly GetUafRequest AuthForAlice = new(UafOperation.Auth, Context: """{"username":"alice"}""");

    [Fact]
    public async Task Get_Refused_WithADescription_GivesTheCodeAndTheServersText()
    {
        var http = new ScriptedServer()
            .Answer("/uaf/v1/get", HttpStatusCode.OK, """{"statusCode":1401,"description":"user not enrolled"}""", "application/fido+uaf")
            .Client();

        var error = await Assert.ThrowsAsync<UafServerException>(() => http.GetUafRequestAsync(AuthForAlice, Ct));

        Assert.Equal(1401, error.StatusCode);
        Assert.Equal("user not enrolled", error.Description);
        Assert.Equal(HttpStatusCode.OK, error.HttpStatus);
        Assert.EndsWith("1401 (unauthorized: sign in first, or the key does not belong to this user): user not enrolled", error.Message);
    }

    [Fact]
    public async Task Get_Refused_WithoutADescription_GivesTheCodeAndNoText()
    {
        var http = new ScriptedServer().Answer("/uaf/v1/get", HttpStatusCode.OK, """{"statusCode":1404}""").Client();

        var error = await Assert.ThrowsAsync<UafServerException>(() => http.GetUafRequestAsync(AuthForAlice, Ct));

        Assert.Equal(1404, error.StatusCode);
        Assert.Null(error.Description);
        Assert.Equal("server answered UAF status 1404 (not found)", error.Message);
    }

    [Fact]
    public async Task Get_Refused_ThroughUafClient_ReachesTheCallerWithTheServersText()
    {
        var http = new ScriptedServer()
            .Answer("/uaf/v1/get", HttpStatusCode.OK, """{"statusCode":1401,"description":"user not enrolled"}""")
            .Client();
        var client = new UafClient(http, [new TestAuthenticators().Create(Authenticators.AuthenticatorProfiles.P256Raw)],
            new UafClientOptions { FacetId = "http://127.0.0.1:5080" });

        var error = await Assert.ThrowsAsync<UafServerException>(() => client.AuthenticateAsync("alice", Ct));

        Assert.Equal((1401, "user not enrolled"), (error.StatusCode, error.Description));
    }

    [Fact]
    public async Task Respond_Refused_WithADescription_GivesTheCodeAndTheServersText()
    {
        var http = new ScriptedServer()
            .Answer("/uaf/v1/respond", HttpStatusCode.OK, """{"statusCode":1498,"description":"the transaction text is not the confirmation's"}""")
            .Client();

        var error = await Assert.ThrowsAsync<UafServerException>(() => http.SendUafResponseAsync(new SendUafResponse("[]"), Ct));

        Assert.Equal(1498, error.StatusCode);
        Assert.Equal("the transaction text is not the confirmation's", error.Description);
        Assert.Equal(Uaf.UafStatusCode.UnacceptableContent, error.UafStatus);
    }

    [Fact]
    public async Task Get_AnsweredWithAProblem_GivesTheHttpStatusAndTheProblemsWords()
    {
        var http = new ScriptedServer()
            .Answer("/uaf/v1/get", HttpStatusCode.UnsupportedMediaType,
                """{"title":"Unsupported content type","status":415,"detail":"Send application/fido+uaf or application/json (UTF-8)."}""",
                "application/problem+json")
            .Client();

        var error = await Assert.ThrowsAsync<UafServerException>(() => http.GetUafRequestAsync(AuthForAlice, Ct));

        Assert.Null(error.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, error.HttpStatus);
        Assert.Equal("server answered HTTP 415 UnsupportedMediaType: Unsupported content type: Send application/fido+uaf or application/json (UTF-8).",
            error.Message);
    }

    [Fact]
    public async Task Respond_AnsweredWithAnHtmlError_GivesTheHttpStatus()
    {
        var http = new ScriptedServer()
            .Answer("/uaf/v1/respond", HttpStatusCode.BadGateway, "<html><body>502 Bad Gateway</body></html>", "text/html")
            .Client();

        var error = await Assert.ThrowsAsync<UafServerException>(() => http.SendUafResponseAsync(new SendUafResponse("[]"), Ct));

        Assert.Equal((HttpStatusCode.BadGateway, null), (error.HttpStatus, error.Problem));
        Assert.Equal("server answered HTTP 502 BadGateway", error.Message);
    }

    [Theory]
    [InlineData("<html>not json</html>")]
    [InlineData("null")]
    [InlineData("""{"statusCode":"1200"}""")]
    public async Task Get_AnsweredWithSomethingElse_IsAProtocolError(string body)
    {
        var http = new ScriptedServer().Answer("/uaf/v1/get", HttpStatusCode.OK, body).Client();

        var error = await Assert.ThrowsAsync<UafClientException>(() => http.GetUafRequestAsync(AuthForAlice, Ct));

        Assert.Equal(UafClientErrorCode.ProtocolError, error.ErrorCode);
        Assert.StartsWith("the server's answer is not a", error.Message);
    }
}
