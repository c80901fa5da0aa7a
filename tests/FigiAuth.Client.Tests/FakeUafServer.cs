using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FigiAuth.Client.Http;
using FigiAuth.Uaf.Encoding;

namespace FigiAuth.Client.Tests;

/// <summary>An in-test HTTP handler playing the UAF server and the AppID host.</summary>
internal sealed class FakeUafServer : HttpMessageHandler
{
    public const string AppId = "https://bank.example/uaf/v1/facets";
    public static readonly string Challenge = StrictBase64Url.Encode(Encoding.ASCII.GetBytes("challenge-0123456789abcdef"));

    public List<(HttpRequestMessage Request, string Body)> Requests { get; } = [];

    /// <summary>The uafRequest string /get returns.</summary>
    public string UafRequest { get; set; } = "[]";

    public JsonNode? TrustedFacets { get; set; }

    public string FacetsContentType { get; set; } = "application/fido.trusted-apps+json";

    public JsonObject ServerResponse { get; set; } = new() { ["statusCode"] = 1200 };

    public JsonObject? SentResponse { get; private set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Add((request, body));
        var path = request.RequestUri!.AbsolutePath;
        if (path == "/uaf/v1/facets")
            return TrustedFacets is null ? new HttpResponseMessage(HttpStatusCode.NotFound) : Json(TrustedFacets, FacetsContentType);
        if (path == "/uaf/v1/get")
            return Json(new JsonObject { ["statusCode"] = 1200, ["uafRequest"] = UafRequest }, "application/fido+uaf");
        if (path == "/uaf/v1/respond")
        {
            SentResponse = JsonNode.Parse(body)!.AsObject();
            return Json(ServerResponse, "application/fido+uaf");
        }
        return new HttpResponseMessage(HttpStatusCode.NotFound)
        {
            Content = new StringContent("""{"title":"Not Found","status":404}""", Encoding.UTF8, "application/problem+json"),
        };
    }

    private static HttpResponseMessage Json(JsonNode node, string contentType)
    {
        var content = new StringContent(node.ToJsonString(), Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
    }

    public UafHttpClient HttpClient(UafHttpClientOptions? options = null) =>
        new(new HttpClient(this) { BaseAddress = new Uri("https://bank.example/") }, options);

    public static JsonObject Header(string op, string? appId = AppId) => new()
    {
        ["upv"] = new JsonObject { ["major"] = 1, ["minor"] = 1 },
        ["op"] = op,
        ["appID"] = appId,
        ["serverData"] = "c2VydmVyLWRhdGE",
    };

    public static string RegistrationRequest(JsonNode policy, string? appId = AppId) =>
        new JsonArray(new JsonObject
        {
            ["header"] = Header("Reg", appId), ["challenge"] = Challenge, ["username"] = "alice", ["policy"] = policy,
        }).ToJsonString();

    public static string AuthenticationRequest(JsonNode policy, JsonArray? transaction = null)
    {
        var request = new JsonObject { ["header"] = Header("Auth"), ["challenge"] = Challenge, ["policy"] = policy };
        if (transaction is not null)
            request["transaction"] = transaction;
        return new JsonArray(request).ToJsonString();
    }

    public static JsonNode Accept(params string[][] sets)
    {
        var accepted = new JsonArray();
        foreach (var set in sets)
        {
            var and = new JsonArray();
            foreach (var aaid in set)
                and.Add(new JsonObject { ["aaid"] = new JsonArray(aaid) });
            accepted.Add(and);
        }
        return new JsonObject { ["accepted"] = accepted };
    }

    public JsonElement SentMessage()
    {
        var uafResponse = SentResponse!["uafResponse"]!.GetValue<string>();
        return JsonDocument.Parse(uafResponse).RootElement;
    }
}
