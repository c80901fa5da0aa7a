using System.Text.Json.Nodes;

namespace FigiAuth.Samples.Phone.Tests;

/// <summary>`approve` listing and rejecting through the SDK, against the wire shapes of ConfirmationEndpoints.</summary>
public sealed class PhoneApproveTests : IDisposable
{
    private const string Pending = """
        [{"id":"q3Xh","displayText":"Confirm payment of 250.00 KES to Mama Mboga Shop (+254700000001)","amount":"250.00",
          "currency":"KES","payee":{"name":"Mama Mboga Shop","account":"+254700000001"},"clientId":"figiauth-merchant",
          "createdAt":"2026-11-28T06:00:00+00:00","expiresAt":"2026-11-28T06:05:00.25+00:00"},
         {"id":"inband","displayText":"Pay 5 KES to Bob","amount":null,"currency":null,"payee":{"name":"Bob"},"clientId":"in-band",
          "createdAt":"2026-11-28T06:00:00+00:00","expiresAt":"2026-11-28T06:05:00+00:00"}]
        """;

    private readonly PhoneFiles _files = new();
    private readonly FakeFigiAuth _server = new();

    [Fact]
    public async Task Approve_WithoutId_ListsThePendingConfirmations()
    {
        _files.WithToken(_server.Origin, "amina", "amina-token");
        _server.Answer("/confirmations/v1/pending", 200, Pending);

        var text = await PhoneProcess.RunAsync(_files.Args(_server.Origin, "approve", "--user", "amina"));
        var json = await PhoneProcess.RunAsync(_files.Args(_server.Origin, "approve", "--user", "amina", "--json"));

        Assert.True(text.ExitCode == 0, text.Transcript);
        Assert.Equal(
            "q3Xh  Confirm payment of 250.00 KES to Mama Mboga Shop (+254700000001)  (expires 2026-11-28T06:05:00.25+00:00)\n"
            + "inband  Pay 5 KES to Bob  (expires 2026-11-28T06:05:00+00:00)\n",
            text.Stdout.ReplaceLineEndings("\n"));
        var expected = JsonNode.Parse("""
            {"pending":[{"id":"q3Xh","text":"Confirm payment of 250.00 KES to Mama Mboga Shop (+254700000001)","amount":"250.00","currency":"KES",
                         "payee":{"name":"Mama Mboga Shop","account":"+254700000001"},"expiresAt":"2026-11-28T06:05:00.25+00:00"},
                        {"id":"inband","text":"Pay 5 KES to Bob","amount":null,"currency":null,"payee":{"name":"Bob"},"expiresAt":"2026-11-28T06:05:00+00:00"}]}
            """);
        Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(json.Stdout)), json.Transcript);
        Assert.All(_server.Requests, r => Assert.Equal(("GET", "Bearer amina-token"), (r.Method, r.Authorization)));
    }

    [Fact]
    public async Task Approve_WithNothingPending_SaysSo()
    {
        _files.WithToken(_server.Origin, "amina", "amina-token");
        _server.Answer("/confirmations/v1/pending", 200, "[]");

        var result = await PhoneProcess.RunAsync(_files.Args(_server.Origin, "approve", "--user", "amina"));

        Assert.Equal((0, "No pending confirmations.\n"), (result.ExitCode, result.Stdout.ReplaceLineEndings("\n")));
    }

    [Fact]
    public async Task Approve_WithARefusedToken_AsksForLoginAgain()
    {
        _files.WithToken(_server.Origin, "amina", "stale");
        _server.Answer("/confirmations/v1/pending", 401, "");

        var result = await PhoneProcess.RunAsync(_files.Args(_server.Origin, "approve", "--user", "amina"));
        var json = await PhoneProcess.RunAsync(_files.Args(_server.Origin, "approve", "--user", "amina", "--json"));

        PhoneBadInputTests.AssertOneLineError(result, 3, "server refused the access token: run `login` again");
        Assert.Equal("""{"httpStatus":401,"error":"server refused the access token: run \u0060login\u0060 again","exitCode":3}""",
            JsonNode.Parse(json.Stdout)!.ToJsonString());
    }

    [Fact]
    public async Task Reject_PostsTheRejection_AndSaysSo()
    {
        _files.WithToken(_server.Origin, "amina", "amina-token");
        _server.Answer("/confirmations/v1/q3Xh/reject", 200, """
            {"id":"q3Xh","status":"rejected","displayText":"Confirm payment of 250.00 KES to Mama Mboga Shop (+254700000001)",
             "amount":"250.00","currency":"KES","payee":{"name":"Mama Mboga Shop","account":"+254700000001"},
             "createdAt":"2026-11-28T06:00:00+00:00","expiresAt":"2026-11-28T06:05:00+00:00","answeredAt":"2026-11-28T06:01:00+00:00"}
            """);

        var result = await PhoneProcess.RunAsync(_files.Args(_server.Origin, "approve", "--user", "amina", "--id", "q3Xh", "--reject"));

        Assert.True(result.ExitCode == 0, result.Transcript);
        Assert.Equal("Rejected confirmation q3Xh.\n", result.Stdout.ReplaceLineEndings("\n"));
        Assert.Equal(("POST", "/confirmations/v1/q3Xh/reject", "Bearer amina-token"), Assert.Single(_server.Requests));
    }

    [Fact]
    public async Task Reject_WhenNoLongerPending_SaysWhy()
    {
        _files.WithToken(_server.Origin, "amina", "amina-token");
        _server.Answer("/confirmations/v1/q3Xh/reject", 409,
            """{"type":"https://tools.ietf.org/html/rfc9110#section-15.5.10","title":"The confirmation is no longer pending","status":409,"reason":"Cancelled"}""",
            "application/problem+json");

        var result = await PhoneProcess.RunAsync(_files.Args(_server.Origin, "approve", "--user", "amina", "--id", "q3Xh", "--reject"));

        PhoneBadInputTests.AssertOneLineError(result, 3, "server refused: the confirmation is no longer pending (Cancelled)");
    }

    [Fact]
    public async Task Reject_AnotherUsersConfirmation_IsNotFound()
    {
        _files.WithToken(_server.Origin, "amina", "amina-token");

        var result = await PhoneProcess.RunAsync(_files.Args(_server.Origin, "approve", "--user", "amina", "--id", "not-mine", "--reject"));

        PhoneBadInputTests.AssertOneLineError(result, 3, "server refused: no confirmation not-mine for amina");
    }

    public void Dispose()
    {
        _server.Dispose();
        _files.Dispose();
    }
}
