using System.Net;
using FigiAuth.Client.Http;

namespace FigiAuth.Client.Tests;

/// <summary>The phone's side of DFS confirmations, read as ConfirmationEndpoints sends them (docs/integration.md "The phone").</summary>
public sealed class PendingConfirmationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Pending_ReadsTheServersShape_WithTheBearerToken()
    {
        // PendingConfirmationView: amount as a string, payee as an object, nulls written for an in-band one.
        const string body = """
            [{"id":"q3Xh","displayText":"Confirm payment of 1,500.00 KES to Mama Mboga Shop (+254700000001)",
              "amount":"1500.00","currency":"KES","payee":{"name":"Mama Mboga Shop","account":"+254700000001"},
              "clientId":"figiauth-merchant","createdAt":"2026-11-28T06:00:00+00:00","expiresAt":"2026-11-28T06:05:00.1234567+00:00"},
             {"id":"inband","displayText":"Pay 5 KES to Bob","amount":null,"currency":null,"payee":null,"clientId":"in-band",
              "createdAt":"2026-11-28T06:00:00+00:00","expiresAt":"2026-11-28T06:05:00+00:00"}]
            """;
        var server = new ScriptedServer().Answer("/confirmations/v1/pending", HttpStatusCode.OK, body);

        var pending = await server.Client("t").GetPendingConfirmationsAsync(Ct);

        Assert.Equal(2, pending.Count);
        Assert.Equal(("1500.00", "KES"), (pending[0].Amount, pending[0].Currency));
        Assert.Equal(new PendingConfirmationPayee("Mama Mboga Shop", "+254700000001"), pending[0].Payee);
        Assert.StartsWith("Confirm payment of 1,500.00 KES", pending[0].DisplayText);
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 6, 5, 0, TimeSpan.Zero).AddTicks(1234567), pending[0].ExpiresAt);
        Assert.Null(pending[1].Payee);
        Assert.Equal((HttpMethod.Get, "Bearer t"), (server.Requests[0].Method, server.Requests[0].Authorization));
    }

    [Fact]
    public async Task Pending_WithARefusedToken_GivesHttp401()
    {
        var server = new ScriptedServer().Answer("/confirmations/v1/pending", HttpStatusCode.Unauthorized, "");

        var error = await Assert.ThrowsAsync<UafServerException>(() => server.Client("expired").GetPendingConfirmationsAsync(Ct));

        Assert.Equal((HttpStatusCode.Unauthorized, null), (error.HttpStatus, error.StatusCode));
    }

    [Fact]
    public async Task Pending_WhenTheServerHasNone_IsAnHttp404WithItsProblem()
    {
        var server = new ScriptedServer().Answer("/elsewhere", HttpStatusCode.OK, "[]");

        var error = await Assert.ThrowsAsync<UafServerException>(() => server.Client("t").GetPendingConfirmationsAsync(Ct));

        Assert.Equal(HttpStatusCode.NotFound, error.HttpStatus);
    }

    [Fact]
    public async Task Reject_PostsToTheConfirmation_AndReadsItBackRejected()
    {
        // ConfirmationView: nulls left out; answeredAt once it left pending.
        var server = new ScriptedServer().Answer("/confirmations/v1/q3Xh%2F1/reject", HttpStatusCode.OK, """
            {"id":"q3Xh/1","status":"rejected","displayText":"Confirm payment of 250.00 KES to Mama Mboga Shop (+254700000001)",
             "amount":"250.00","currency":"KES","payee":{"name":"Mama Mboga Shop","account":"+254700000001"},
             "createdAt":"2026-11-28T06:00:00+00:00","expiresAt":"2026-11-28T06:05:00+00:00","answeredAt":"2026-11-28T06:01:00+00:00"}
            """);

        var rejected = await server.Client("t").RejectConfirmationAsync("q3Xh/1", Ct);

        Assert.Equal(("q3Xh/1", ConfirmationStatus.Rejected), (rejected.Id, rejected.Status));
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 6, 1, 0, TimeSpan.Zero), rejected.AnsweredAt);
        Assert.Null(rejected.Receipt);
        Assert.Equal((HttpMethod.Post, "/confirmations/v1/q3Xh%2F1/reject", "Bearer t"), server.Requests[0]);
    }

    [Fact]
    public async Task Reject_WhenNoLongerPending_GivesHttp409AndTheReason()
    {
        var server = new ScriptedServer().Answer("/confirmations/v1/q3Xh/reject", HttpStatusCode.Conflict,
            """{"type":"https://tools.ietf.org/html/rfc9110#section-15.5.10","title":"The confirmation is no longer pending","status":409,"reason":"Expired"}""",
            "application/problem+json");

        var error = await Assert.ThrowsAsync<UafServerException>(() => server.Client("t").RejectConfirmationAsync("q3Xh", Ct));

        Assert.Equal((HttpStatusCode.Conflict, "Expired"), (error.HttpStatus, error.Reason));
        Assert.Equal("server answered HTTP 409 Conflict: The confirmation is no longer pending", error.Message);
    }

    [Fact]
    public async Task Reject_AnotherUsersConfirmation_GivesHttp404()
    {
        var server = new ScriptedServer();

        var error = await Assert.ThrowsAsync<UafServerException>(() => server.Client("t").RejectConfirmationAsync("not-mine", Ct));

        Assert.Equal((HttpStatusCode.NotFound, null), (error.HttpStatus, error.Reason));
    }
}
