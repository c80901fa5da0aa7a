using System.Net;
using System.Text.Json;
using FigiAuth.Uaf;

namespace FigiAuth.Client.Http;

/// <summary>
/// The server refused: either a UAF <see cref="StatusCode"/> other than 1200 in a 200 answer, or
/// an HTTP error (<see cref="HttpStatus"/>) with its problem-details body when it sent one.
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

    public string? Description { get; }

    public HttpStatusCode HttpStatus { get; }

    /// <summary>The RFC 9457 problem-details body of a non-200 answer, when it had one.</summary>
    public JsonElement? Problem { get; }

    private static string ProblemSummary(JsonElement? problem)
    {
        if (problem is not { ValueKind: JsonValueKind.Object } p)
            return "";
        var title = p.TryGetProperty("title", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        var detail = p.TryGetProperty("detail", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;
        return string.Join("", new[] { title, detail }.Where(s => !string.IsNullOrEmpty(s)).Select(s => $": {s}"));
    }
}
