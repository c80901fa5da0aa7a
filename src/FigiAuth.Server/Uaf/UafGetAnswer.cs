using System.Text.Json.Serialization;
using FigiAuth.Uaf;
using FigiAuth.Uaf.Messages;

namespace FigiAuth.Server.Uaf;

/// <summary>
/// ReturnUAFRequest as /get answers it, plus a plain-words <c>description</c> when the statusCode is not 1200
/// (clients that do not know the member ignore it).
/// </summary>
internal sealed record UafGetAnswer(
    [property: JsonPropertyName("statusCode")] int StatusCode,
    [property: JsonPropertyName("uafRequest")] string? UafRequest = null,
    [property: JsonPropertyName("op")] UafOperation? Op = null,
    [property: JsonPropertyName("lifetimeMillis")] long? LifetimeMillis = null,
    [property: JsonPropertyName("description")] string? Description = null)
{
    public static UafGetAnswer Refused(UafFailure failure) => new((int)failure.Status, Description: failure.Detail);

    public static UafGetAnswer Issued(string uafRequest, UafOperation op, TimeSpan lifetime) =>
        new((int)UafStatusCode.Ok, uafRequest, op, (long)lifetime.TotalMilliseconds);
}
