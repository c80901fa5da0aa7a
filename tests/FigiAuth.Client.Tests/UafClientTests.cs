using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FigiAuth.Client.Authenticators;
using FigiAuth.Client.Facets;
using FigiAuth.Client.Http;
using FigiAuth.Uaf.Encoding;

namespace FigiAuth.Client.Tests;

public sealed class UafClientTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static UafClient NewClient(FakeUafServer server, TestAuthenticators test, string facetId = "https://bank.example", params AuthenticatorProfile[] profiles) =>
        new(server.HttpClient(), (profiles.Length == 0 ? [AuthenticatorProfiles.P256Raw] : profiles).Select(test.Create),
            new UafClientOptions { FacetId = facetId });

    [Fact]
    public async Task Register_SendsAResponseShapedLikeTheSpecVector()
    {
        var server = new FakeUafServer { UafRequest = FakeUafServer.RegistrationRequest(FakeUafServer.Accept(["F1D0#0001"])) };

        var result = await NewClient(server, new TestAuthenticators()).RegisterAsync("alice", Ct);

        Assert.Equal("F1D0#0001", result.Aaid);
        var vector = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "vectors", "spec-v1.1-registration-response.json"))).RootElement[0];
        var sent = server.SentMessage();
        Assert.Equal(1, sent.GetArrayLength());
        var message = sent[0];
        Assert.Equal(Names(vector), Names(message));
        Assert.Equal(Names(vector.GetProperty("assertions")[0]), Names(message.GetProperty("assertions")[0]));
        Assert.Equal(Names(vector.GetProperty("header")), Names(message.GetProperty("header")));
        Assert.Equal("UAFV1TLV", message.GetProperty("assertions")[0].GetProperty("assertionScheme").GetString());
        Assert.True(StrictBase64Url.TryDecode(message.GetProperty("assertions")[0].GetProperty("assertion").GetString(), out _));
        Assert.Equal("c2VydmVyLWRhdGE", message.GetProperty("header").GetProperty("serverData").GetString());
        var fcParams = message.GetProperty("fcParams").GetString()!;
        Assert.DoesNotContain('=', fcParams);
        Assert.True(StrictBase64Url.TryDecode(fcParams, out var fcBytes));
        var fcp = JsonDocument.Parse(fcBytes).RootElement;
        Assert.Equal(FakeUafServer.AppId, fcp.GetProperty("appID").GetString());
        Assert.Equal(FakeUafServer.Challenge, fcp.GetProperty("challenge").GetString());
        Assert.Equal("https://bank.example", fcp.GetProperty("facetID").GetString());
        Assert.Equal(JsonValueKind.Object, fcp.GetProperty("channelBinding").ValueKind);
        var krd = IndependentVerifier.ParseRegistration(StrictBase64Url.Decode(message.GetProperty("assertions")[0].GetProperty("assertion").GetString(), "T", "a")).Krd;
        Assert.Equal(SHA256.HashData(Encoding.ASCII.GetBytes(fcParams)), krd.Fch);
        Assert.Equal(JsonNode.Parse("""{"username":"alice"}""")!.ToJsonString(), JsonNode.Parse(server.SentResponse!["context"]!.GetValue<string>())!.ToJsonString());
    }

    [Fact]
    public async Task Requests_UseTheFidoUafContentType_ByDefault_AndJsonWhenConfigured()
    {
        var server = new FakeUafServer { UafRequest = FakeUafServer.RegistrationRequest(FakeUafServer.Accept(["F1D0#0001"])) };
        await NewClient(server, new TestAuthenticators()).RegisterAsync("alice", Ct);
        var json = new FakeUafServer { UafRequest = server.UafRequest };
        var client = new UafClient(json.HttpClient(new UafHttpClientOptions { ContentType = "application/json" }),
            [new TestAuthenticators().Create(AuthenticatorProfiles.P256Raw)], new UafClientOptions { FacetId = "https://bank.example" });
        await client.RegisterAsync("alice", Ct);

        var post = server.Requests.First(r => r.Request.RequestUri!.AbsolutePath == "/uaf/v1/get").Request;
        Assert.Equal("application/fido+uaf", post.Content!.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", post.Content.Headers.ContentType.CharSet);
        Assert.Equal("application/json", json.Requests.First(r => r.Request.RequestUri!.AbsolutePath == "/uaf/v1/get").Request.Content!.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Login_ReturnsTheAccessToken_AndAuthenticationResponseHasTheVectorShape()
    {
        var test = new TestAuthenticators();
        var server = new FakeUafServer { UafRequest = FakeUafServer.RegistrationRequest(FakeUafServer.Accept(["F1D0#0001"])) };
        var client = NewClient(server, test);
        var registration = await client.RegisterAsync("alice", Ct);
        server.UafRequest = FakeUafServer.AuthenticationRequest(FakeUafServer.Accept(["F1D0#0001"]));
        server.ServerResponse = new JsonObject
        {
            ["statusCode"] = 1200,
            ["additionalTokens"] = new JsonArray(new JsonObject { ["type"] = "OAUTH2", ["value"] = "token-123" }),
        };

        var result = await client.AuthenticateAsync("alice", Ct);

        Assert.Equal("token-123", result.AccessToken);
        Assert.Equal(registration.KeyId, result.KeyId);
        var vector = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "vectors", "spec-v1.1-authentication-response.json"))).RootElement[0];
        var message = server.SentMessage()[0];
        Assert.Equal(Names(vector), Names(message));
        Assert.Equal(Names(vector.GetProperty("assertions")[0]), Names(message.GetProperty("assertions")[0]));
    }

    [Fact]
    public async Task Registration_PicksTheFirstAcceptedSet_ItCanSatisfy()
    {
        var server = new FakeUafServer { UafRequest = FakeUafServer.RegistrationRequest(FakeUafServer.Accept(["AAAA#0001"], ["F1D0#0002"], ["F1D0#0001"])) };

        var result = await NewClient(server, new TestAuthenticators(), profiles: [AuthenticatorProfiles.P256Raw, AuthenticatorProfiles.P256Der]).RegisterAsync("alice", Ct);

        Assert.Equal("F1D0#0002", result.Aaid);
    }

    [Fact]
    public async Task Registration_UsesTwoAuthenticators_ForAnAndSetOfTwo()
    {
        var server = new FakeUafServer { UafRequest = FakeUafServer.RegistrationRequest(FakeUafServer.Accept(["F1D0#0001", "F1D0#0101"])) };

        await NewClient(server, new TestAuthenticators(), profiles: [AuthenticatorProfiles.P256Raw, AuthenticatorProfiles.P256RawSurrogate]).RegisterAsync("alice", Ct);

        Assert.Equal(2, server.SentMessage()[0].GetProperty("assertions").GetArrayLength());
    }

    [Fact]
    public async Task Registration_FailsWithNoSuitableAuthenticator_WhenTheOnlyMatchIsDisallowed()
    {
        var policy = FakeUafServer.Accept(["F1D0#0001"]).AsObject();
        policy["disallowed"] = new JsonArray(new JsonObject { ["aaid"] = new JsonArray("F1D0#0001") });
        var server = new FakeUafServer { UafRequest = FakeUafServer.RegistrationRequest(policy) };

        var error = await Assert.ThrowsAsync<UafClientException>(() => NewClient(server, new TestAuthenticators()).RegisterAsync("alice", Ct));

        Assert.Equal(UafClientErrorCode.NoSuitableAuthenticator, error.ErrorCode);
        Assert.Null(server.SentResponse);
    }

    [Fact]
    public async Task Registration_FailsWithNoSuitableAuthenticator_WhenNothingIsAccepted()
    {
        var server = new FakeUafServer { UafRequest = FakeUafServer.RegistrationRequest(FakeUafServer.Accept(["ABCD#0001"])) };

        var error = await Assert.ThrowsAsync<UafClientException>(() => NewClient(server, new TestAuthenticators()).RegisterAsync("alice", Ct));

        Assert.Equal(UafClientErrorCode.NoSuitableAuthenticator, error.ErrorCode);
    }

    [Fact]
    public async Task Request_FailsWithUnsupportedVersion_WithoutAUaf11Message()
    {
        var request = JsonNode.Parse(FakeUafServer.RegistrationRequest(FakeUafServer.Accept(["F1D0#0001"])))!;
        request[0]!["header"]!["upv"]!["minor"] = 0;
        var server = new FakeUafServer { UafRequest = request.ToJsonString() };

        var error = await Assert.ThrowsAsync<UafClientException>(() => NewClient(server, new TestAuthenticators()).RegisterAsync("alice", Ct));

        Assert.Equal(UafClientErrorCode.UnsupportedVersion, error.ErrorCode);
    }

    [Fact]
    public async Task ServerRefusal_ThrowsUafServerException_WithTheStatusCode()
    {
        var server = new FakeUafServer
        {
            UafRequest = FakeUafServer.RegistrationRequest(FakeUafServer.Accept(["F1D0#0001"])),
            ServerResponse = new JsonObject { ["statusCode"] = 1498, ["description"] = "bad" },
        };

        var error = await Assert.ThrowsAsync<UafServerException>(() => NewClient(server, new TestAuthenticators()).RegisterAsync("alice", Ct));

        Assert.Equal(1498, error.StatusCode);
        Assert.Equal(Uaf.UafStatusCode.UnacceptableContent, error.UafStatus);
    }

    [Fact]
    public async Task Transaction_ShowsTheTextForm_AndSignsInMode2()
    {
        var (test, server, client) = await RegisteredAsync();
        var text = "Pay 500 KES to Bob";
        server.UafRequest = FakeUafServer.AuthenticationRequest(FakeUafServer.Accept(["F1D0#0001"]), new JsonArray(
            new JsonObject { ["contentType"] = "image/png", ["content"] = StrictBase64Url.Encode([0x89, 0x50]), ["tcDisplayPNGCharacteristics"] = Png() },
            new JsonObject { ["contentType"] = "text/plain", ["content"] = StrictBase64Url.Encode(Encoding.UTF8.GetBytes(text)) }));

        await client.ConfirmTransactionAsync("alice", text, Ct);

        Assert.Equal(text, Assert.Single(test.Prompts).Text);
        var signed = IndependentVerifier.ParseAuthentication(StrictBase64Url.Decode(server.SentMessage()[0].GetProperty("assertions")[0].GetProperty("assertion").GetString(), "T", "a"));
        Assert.Equal(0x02, signed.Mode);
        Assert.Equal(SHA256.HashData(Encoding.UTF8.GetBytes(text)), signed.TcHash);
        Assert.Contains("\"transaction\":", server.SentResponse!["context"]!.GetValue<string>());
    }

    [Fact]
    public async Task Transaction_Rejected_SendsNothing()
    {
        var (test, server, client) = await RegisteredAsync();
        var respondsBefore = server.Requests.Count(r => r.Request.RequestUri!.AbsolutePath == "/uaf/v1/respond");
        test.Confirm = (_, _) => ValueTask.FromResult(false);
        server.UafRequest = FakeUafServer.AuthenticationRequest(FakeUafServer.Accept(["F1D0#0001"]), new JsonArray(
            new JsonObject { ["contentType"] = "text/plain", ["content"] = StrictBase64Url.Encode("Pay 1 USD"u8) }));

        var error = await Assert.ThrowsAsync<UafClientException>(() => client.ConfirmTransactionAsync("alice", "Pay 1 USD", Ct));

        Assert.Equal(UafClientErrorCode.UserCancelled, error.ErrorCode);
        Assert.Equal(respondsBefore, server.Requests.Count(r => r.Request.RequestUri!.AbsolutePath == "/uaf/v1/respond"));
    }

    [Fact]
    public async Task Deregistration_AppliesSpecificPerAaidAndAllEntries()
    {
        var test = new TestAuthenticators();
        var server = new FakeUafServer();
        var client = NewClient(server, test, profiles: [AuthenticatorProfiles.P256Raw, AuthenticatorProfiles.P256RawSurrogate, AuthenticatorProfiles.P256Der]);
        foreach (var aaid in new[] { "F1D0#0001", "F1D0#0101", "F1D0#0002" })
        {
            server.UafRequest = FakeUafServer.RegistrationRequest(FakeUafServer.Accept([aaid]));
            await client.RegisterAsync("alice", Ct);
        }
        var keys = await test.Store.LoadAsync(Ct);
        string Dereg(params (string Aaid, string KeyId)[] entries) => new JsonArray(new JsonObject
        {
            ["header"] = FakeUafServer.Header("Dereg"),
            ["authenticators"] = new JsonArray([.. entries.Select(e => (JsonNode)new JsonObject { ["aaid"] = e.Aaid, ["keyID"] = e.KeyId })]),
        }).ToJsonString();

        Assert.Equal(1, await client.ApplyDeregistrationAsync(Dereg(("F1D0#0001", keys.Single(k => k.Aaid == "F1D0#0001").KeyId)), Ct));
        Assert.Equal(1, await client.ApplyDeregistrationAsync(Dereg(("f1d0#0101", "")), Ct));
        Assert.Equal(1, await client.ApplyDeregistrationAsync(Dereg(("", "")), Ct));
        Assert.Empty(await test.Store.LoadAsync(Ct));
        var invalid = await Assert.ThrowsAsync<UafClientException>(() => client.ApplyDeregistrationAsync(Dereg(("", ""), ("F1D0#0001", "")), Ct));
        Assert.Equal(UafClientErrorCode.ProtocolError, invalid.ErrorCode);
    }

    /// <summary>A client whose F1D0#0001 key is registered for alice.</summary>
    private static async Task<(TestAuthenticators Test, FakeUafServer Server, UafClient Client)> RegisteredAsync()
    {
        var test = new TestAuthenticators();
        var server = new FakeUafServer { UafRequest = FakeUafServer.RegistrationRequest(FakeUafServer.Accept(["F1D0#0001"])) };
        var client = NewClient(server, test);
        await client.RegisterAsync("alice", Ct);
        return (test, server, client);
    }

    private static JsonObject Png() => new()
    {
        ["width"] = 320, ["height"] = 240, ["bitDepth"] = 8, ["colorType"] = 2, ["compression"] = 0, ["filter"] = 0, ["interlace"] = 0,
    };

    private static string[] Names(JsonElement element) => [.. element.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)];
}
