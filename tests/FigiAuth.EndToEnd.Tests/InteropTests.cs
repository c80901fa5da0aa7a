using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FigiAuth.Testing.Support;

namespace FigiAuth.EndToEnd.Tests;

/// <summary>
/// The server accepts a registration and an authentication from <see cref="IndependentUafSigner"/>, talking plain
/// HTTP/JSON to /uaf/v1/get and /uaf/v1/respond, under a metadata statement given to the server at start (a temp
/// metadata folder holding the development statements too).
/// </summary>
public sealed class InteropTests(ITestOutputHelper output) : EndToEndTest(output)
{
    const string User = "indie-erin";
    const string Aaid = "E2E0#0001";

    [Fact]
    public Task IndependentSigner_RegistersAndAuthenticates_With1200() => Scenario(async () =>
    {
        using var signer = new IndependentUafSigner(Aaid);
        var metadata = Directory.CreateDirectory(Path.Combine(Folder, "metadata")).FullName;
        var dev = Path.Combine(Path.GetDirectoryName(RepoPaths.ServerDll)!, "metadata", "dev");
        foreach (var file in Directory.GetFiles(dev, "*.json"))
        {
            File.Copy(file, Path.Combine(metadata, Path.GetFileName(file)));
        }

        await File.WriteAllTextAsync(Path.Combine(metadata, "E2E0-0001.json"), signer.MetadataStatement().ToJsonString());
        await using var server = await StartServerAsync(arguments: [$"--FigiAuth:Uaf:MetadataPath={metadata}"]);
        using var http = server.CreateClient();
        var facetId = server.Origin.ToString().TrimEnd('/');

        var reg = await GetAsync(http, "Reg");
        Assert.Contains(Aaid, reg);
        var registered = await RespondAsync(http, signer.Register(reg, facetId));
        Assert.True(registered.GetProperty("statusCode").GetInt32() == 1200, registered.ToString());
        var row = Assert.Single(Database().RegistrationsOf(User));
        Assert.Equal(Aaid, row.Aaid);
        Assert.Equal(IndependentUafSigner.Base64Url(signer.KeyId), row.KeyId);

        for (var i = 1; i <= 2; i++)
        {
            var auth = await GetAsync(http, "Auth");
            Assert.Contains(Aaid, auth);
            var authenticated = await RespondAsync(http, signer.Authenticate(auth, facetId));
            Assert.True(authenticated.GetProperty("statusCode").GetInt32() == 1200, authenticated.ToString());
            var token = Assert.Single(authenticated.GetProperty("additionalTokens").EnumerateArray());
            Assert.Equal("OAUTH2", token.GetProperty("type").GetString());
            Assert.False(string.IsNullOrEmpty(token.GetProperty("value").GetString()));
            Assert.Equal(signer.SignCounter, (uint)Assert.Single(Database().RegistrationsOf(User)).SignCounter);
        }

        // The development profiles are still trusted beside the added statement: the phone enrolls with its default.
        AssertExit(0, await PhoneAsync(server, "enroll", "--user", "dev-frank"));
        Assert.Equal(["uaf.reg.ok", "uaf.auth.ok", "uaf.auth.ok"], Database().AuditOf(User).Select(e => e.Type));
        AssertExit(0, await VerifyAuditAsync());
    });

    async Task<string> GetAsync(HttpClient http, string op)
    {
        var body = new JsonObject { ["op"] = op, ["context"] = new JsonObject { ["username"] = User }.ToJsonString() }.ToJsonString();
        using var answer = await http.PostAsync("/uaf/v1/get", new StringContent(body, Encoding.UTF8, "application/fido+uaf"));
        var text = await answer.Content.ReadAsStringAsync();
        Note($"POST /uaf/v1/get {body}\n-> {(int)answer.StatusCode} {text}");
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var json = JsonDocument.Parse(text).RootElement;
        Assert.True(json.GetProperty("statusCode").GetInt32() == 1200, text);
        Assert.Equal(op, json.GetProperty("op").GetString());
        return json.GetProperty("uafRequest").GetString()!;
    }

    async Task<JsonElement> RespondAsync(HttpClient http, string uafResponse)
    {
        var body = new JsonObject { ["uafResponse"] = uafResponse }.ToJsonString();
        using var answer = await http.PostAsync("/uaf/v1/respond", new StringContent(body, Encoding.UTF8, "application/fido+uaf"));
        var text = await answer.Content.ReadAsStringAsync();
        Note($"POST /uaf/v1/respond {body}\n-> {(int)answer.StatusCode} {text}");
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
