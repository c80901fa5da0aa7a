using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using FigiAuth.Server.Tests.Infrastructure;
using FigiAuth.Server.Tests.Limits;
using FigiAuth.Uaf.Messages;

namespace FigiAuth.Server.Tests.Uaf;

/// <summary>
/// POST /uaf/v1/get and /respond are served by the fast lane (Uaf/UafFastLane); the same paths spelled another way go
/// down the general pipeline to the same handlers. Both must give the same protocol answers and the same limits.
/// </summary>
public sealed class UafFastLaneTests(FigiAuthServerFactory factory) : IClassFixture<FigiAuthServerFactory>
{
    [Fact]
    public async Task Succeeds_ThroughTheGeneralPipeline_WhenThePathsHaveATrailingSlash()
    {
        var phone = new UafHarness(factory);
        await phone.RegisterAsync();
        var http = factory.CreateClient();

        var get = await PostAsync(http, "/uaf/v1/get/", JsonSerializer.Serialize(new Dictionary<string, string?>
        {
            ["op"] = "Auth",
            ["context"] = phone.Context(),
        }));
        var answer = await get.Content.ReadFromJsonAsync<JsonElement>();
        var uafResponse = await phone.Client.CreateAuthenticationResponseAsync(answer.GetProperty("uafRequest").GetString()!);
        var respond = await PostAsync(http, "/uaf/v1/respond/",
            JsonSerializer.Serialize(new SendUafResponse(uafResponse, phone.Context()), UafJsonContext.Default.SendUafResponse));
        var result = await respond.Content.ReadFromJsonAsync(UafJsonContext.Default.ServerResponse);

        Assert.Equal(1200, answer.GetProperty("statusCode").GetInt32());
        Assert.Equal(1200, result!.StatusCode);
        Assert.Equal(UafTokenTypes.OAuth2, Assert.Single(result.AdditionalTokens!).Type);
    }

    [Fact]
    public async Task Succeeds_WithTheSameAnswerOnBothLanes_WhenTheOperationIsUnknown()
    {
        var http = factory.CreateClient();

        var fast = await (await PostAsync(http, "/uaf/v1/get", """{"op":"Sign"}""")).Content.ReadFromJsonAsync<JsonElement>();
        var general = await (await PostAsync(http, "/UAF/v1/get/", """{"op":"Sign"}""")).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(1400, fast.GetProperty("statusCode").GetInt32());
        Assert.Equal(fast.ToString(), general.ToString());
    }

    internal static Task<HttpResponseMessage> PostAsync(HttpClient http, string path, string body) =>
        http.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/fido+uaf"));
}

/// <summary>SECURITY.md D6 on the fast lane: /get and /respond count against the per-client limit and are refused with 429.</summary>
public sealed class UafFastLaneRateLimitTests(LowRateLimitServerFactory factory) : IClassFixture<LowRateLimitServerFactory>
{
    [Fact]
    public async Task Fails_With429AndRetryAfter_WhenUafPostsExceedThePerClientLimit()
    {
        var http = factory.CreateClient();

        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i <= LowRateLimitServerFactory.Limit; i++)
        {
            responses.Add(await UafFastLaneTests.PostAsync(http, i % 2 == 0 ? "/uaf/v1/get" : "/uaf/v1/respond", """{"op":"Auth"}"""));
        }

        var rejected = responses[^1];
        Assert.All(responses[..^1], r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(HttpStatusCode.TooManyRequests, rejected.StatusCode);
        Assert.True(rejected.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal("application/problem+json", rejected.Content.Headers.ContentType?.MediaType);
    }
}
