using System.Net;
using System.Text.Json;
using FigiAuth.Uaf;

namespace FigiAuth.Client.Http;

/// <summary>
/// The server refused: either a UAF <see cref="StatusCode"/> other than 1200 in a 200 answer, with the server's
/// <see cref="Description"/> of why (from <c>/get</c> and <c>/respond</c> alike), or an HTTP error
/// (<see cref="HttpStatus"/>) with its problem-details body when it sent one.
/// </summary>
public sealed class UafServerException : Exception
{
    public UafServerException(int statusCode, string? description)
        : base($"server answered UAF status {statusCode} ({UafStatusCodes.Describe(statusCode)})"
               + (string.IsNullOrEmpty(description) ? "" : $": {description}"))
    {
        StatusCode = statusCode;
        Description = description;
        HttpStatus = HttpStatusCode.OK;
    }

    public UafServerException(HttpStatusCode httpStatus, JsonElement? problem)
        : base($"server answered HTTP {(int)httpStatus} {httpStatus}" + ProblemSummary(problem))
    {
        HttpStatus = httpStatus;
        Problem = problem;
    }

    /// <summary>The UAF status code, or null for an HTTP-level failure.</summary>
    public int? StatusCode { get; }

    public UafStatusCode? UafStatus => StatusCode is { } code && Enum.IsDefined(typeof(UafStatusCode), (ushort)code) ? (UafStatusCode)code : null;

    /// <summary>The server's words for a UAF refusal (e.g. <c>user not enrolled</c>), when it sent any.</summary>
    public string? Description { get; }

    public HttpStatusCode HttpStatus { get; }

    /// <summary>The RFC 9457 problem-details body of a non-200 answer, when it had one.</summary>
    public JsonElement? Problem { get; }

    /// <summary>
    /// The problem-details <c>reason</c> member, when the server gave one: FigiAuth's 409 for a confirmation that is
    /// no longer pending says <c>Expired</c>, <c>Cancelled</c>, <c>Rejected</c> or <c>AlreadyAnswered</c>.
    /// </summary>
    public string? Reason => Problem is { ValueKind: JsonValueKind.Object } p && p.TryGetProperty("reason", out var r) && r.ValueKind == JsonValueKind.String
        ? r.GetString()
        : null;

    private static string ProblemSummary(JsonElement? problem)
    {
        if (problem is not { ValueKind: JsonValueKind.Object } p)
            return "";
        var title = p.TryGetProperty("title", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        var detail = p.TryGetProperty("detail", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;
        return string.Join("", new[] { title, detail }.Where(s => !string.IsNullOrEmpty(s)).Select(s => $": {s}"));
    }
}
