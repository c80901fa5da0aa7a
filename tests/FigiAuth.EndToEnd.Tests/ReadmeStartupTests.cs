using System.Net;
using System.Text;
using System.Text.Json;
using FigiAuth.Testing.Support;

namespace FigiAuth.EndToEnd.Tests;

/// <summary>
/// The README's first command, <c>dotnet run --project src/FigiAuth.Server</c>, run from the repository root: the built
/// server DLL started with the repo root as working directory and nothing but --urls and the database path.
/// </summary>
public sealed class ReadmeStartupTests(ITestOutputHelper output) : EndToEndTest(output)
{
    [Fact]
    public Task Server_StartedFromTheRepoRoot_IsReady_AndTrustsTheDevelopmentMetadata() => Scenario(async () =>
    {
        await using var server = await StartServerAsync(workingDirectory: RepoPaths.Root);
        using var http = server.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/css/site.css")).StatusCode); // the account pages' assets
        using var facets = await http.GetAsync("/uaf/v1/facets");
        Assert.Equal(HttpStatusCode.OK, facets.StatusCode);
        Assert.Equal("application/fido.trusted-apps+json", facets.Content.Headers.ContentType?.MediaType);
        var trusted = JsonDocument.Parse(await facets.Content.ReadAsStringAsync()).RootElement.GetProperty("trustedFacets");
        Assert.NotEqual(0, trusted.GetArrayLength());

        var body = """{"op":"Reg","context":"{\"username\":\"readme-grace\"}"}""";
        using var get = await http.PostAsync("/uaf/v1/get", new StringContent(body, Encoding.UTF8, "application/fido+uaf"));
        var answer = JsonDocument.Parse(await get.Content.ReadAsStringAsync()).RootElement;
        Assert.True(answer.GetProperty("statusCode").GetInt32() == 1200, answer.ToString());
        var request = answer.GetProperty("uafRequest").GetString()!;
        foreach (var aaid in new[] { "F1D0#0001", "F1D0#0003", "F1D0#0012", "F1D0#0101" })
        {
            Assert.Contains(aaid, request);
        }

        // And a development profile really registers against it.
        AssertExit(0, await PhoneAsync(server, "enroll", "--user", "readme-grace", "--profile", "F1D0#0101"));
        Assert.Single(Database().RegistrationsOf("readme-grace"));
    });
}
