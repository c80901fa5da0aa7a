using System.Net;
using System.Text;
using System.Text.Json;
using FigiAuth.Server.Tests.Infrastructure;

namespace FigiAuth.Server.Tests.Uaf;

/// <summary>SECURITY.md IN-01..IN-03 on /uaf: clean 4xx or UAF 1400/1498 answers, never 500, and still healthy.</summary>
public sealed class UafMalformedInputTests(FigiAuthServerFactory factory) : IClassFixture<FigiAuthServerFactory>
{
    public static TheoryData<string, string, string> Bodies => new()
    {
        { "get", "application/fido+uaf", "" },
        { "get", "application/fido+uaf", "not json" },
        { "get", "application/json", "null" },
        { "get", "application/json", "[]" },
        { "get", "application/json", "42" },
        { "get", "application/json", new string('[', 100) + new string(']', 100) },
        { "get", "application/json", "{\"op\":\"Reg\",\"context\":" + new string('[', 40) + new string(']', 40) + "}" },
        { "respond", "application/fido+uaf; charset=utf-8", "" },
        { "respond", "application/fido+uaf", "{\"uafResponse\":" },
        { "respond", "application/json", "null" },
        { "respond", "application/json", "[1,2]" },
        { "respond", "application/json", "\"x\"" },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task Fails_With400_WhenBodyIsNotAJsonObject(string path, string contentType, string body)
    {
        var client = factory.CreateClient();

        var response = await client.PostAsync($"/uaf/v1/{path}", Content(body, contentType));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        await AssertHealthyAsync(client);
    }

    [Theory]
    [InlineData("get", """{"op":"Register","context":"{\"username\":\"a\"}"}""", 1400)]
    [InlineData("get", """{"context":"{\"username\":\"a\"}"}""", 1400)]
    [InlineData("get", """{"op":"Reg","context":"{not json"}""", 1400)]
    [InlineData("get", """{"op":"Reg","context":{"username":"a"}}""", 1400)]
    [InlineData("get", """{"op":"Reg"}""", 1400)]
    [InlineData("respond", """{"uafResponse":42}""", 1400)]
    [InlineData("respond", """{}""", 1400)]
    [InlineData("respond", """{"uafResponse":"[]"}""", 1498)]
    [InlineData("respond", """{"uafResponse":"garbage"}""", 1498)]
    [InlineData("respond", """{"uafResponse":"[{\"header\":{\"op\":\"Reg\",\"upv\":{\"major\":1,\"minor\":1}}}]"}""", 1498)]
    public async Task Fails_WithUafStatus_WhenMessageIsMalformed(string path, string body, int status)
    {
        var client = factory.CreateClient();

        var response = await client.PostAsync($"/uaf/v1/{path}", Content(body, "application/fido+uaf; charset=utf-8"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(status, answer.GetProperty("statusCode").GetInt32());
        Assert.False(string.IsNullOrEmpty(answer.GetProperty("description").GetString()));
        await AssertHealthyAsync(client);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/fido+uaf; charset=iso-8859-1")]
    public async Task Fails_With415_WhenContentTypeIsWrong(string contentType)
    {
        var client = factory.CreateClient();

        var response = await client.PostAsync("/uaf/v1/get", Content("""{"op":"Auth"}""", contentType));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Fails_WhenCorsPreflightHeaderIsSent()
    {
        var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/uaf/v1/get") { Content = Content("""{"op":"Auth"}""", "application/json") };
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Origin", "https://evil.example");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Fails_With413_WhenUafResponseIsHuge(bool chunked)
    {
        var client = factory.CreateClient();
        var body = "{\"uafResponse\":\"" + new string('A', 200_000) + "\"}";
        HttpContent content = chunked
            ? new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(body)))
            : Content(body, "application/fido+uaf");
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/fido+uaf");

        var response = await client.PostAsync("/uaf/v1/respond", content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        await AssertHealthyAsync(client);
    }

    [Fact]
    public async Task Fails_With1498_WhenUafResponseIsLargeButUnderTheLimit()
    {
        var client = factory.CreateClient();
        var body = "{\"uafResponse\":\"[" + string.Join(",", Enumerable.Repeat("{}", 20_000)) + "]\"}";

        var response = await client.PostAsync("/uaf/v1/respond", Content(body, "application/fido+uaf"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1498, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("statusCode").GetInt32());
        await AssertHealthyAsync(client);
    }

    [Fact]
    public async Task Fails_With405_WhenMethodIsNotPost()
    {
        var response = await factory.CreateClient().PutAsync("/uaf/v1/get", Content("{}", "application/json"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    static StringContent Content(string body, string contentType)
    {
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        return content;
    }

    static async Task AssertHealthyAsync(HttpClient client) =>
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
}
