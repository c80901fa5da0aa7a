using System.Text.Json;

namespace FigiAuth.Server.Passkeys;

/// <summary>Reads a JSON body of at most <see cref="PasskeyOptions.MaxRequestBytes"/> before any parsing (SECURITY.md IN-01):
/// null with a 400/413/415 result when the body is not acceptable.</summary>
internal static class PasskeyRequestReader
{
    public static async Task<(T? Value, IResult? Error)> ReadAsync<T>(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
        where T : class
    {
        if (request.HasJsonContentType() is false)
        {
            return (null, Problem(StatusCodes.Status415UnsupportedMediaType, "Send application/json."));
        }

        if (request.ContentLength > maxBytes)
        {
            return (null, Problem(StatusCodes.Status413PayloadTooLarge, "The request is too large."));
        }

        var buffer = new MemoryStream();
        var chunk = new byte[4096];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return (null, Problem(StatusCodes.Status413PayloadTooLarge, "The request is too large."));
            }

            buffer.Write(chunk, 0, read);
        }

        try
        {
            var value = JsonSerializer.Deserialize<T>(buffer.ToArray(), JsonSerializerOptions.Web);
            return value is null ? (null, Malformed()) : (value, null);
        }
        catch (JsonException)
        {
            return (null, Malformed());
        }
    }

    public static IResult Malformed() => Problem(StatusCodes.Status400BadRequest, "The request is malformed.");

    static IResult Problem(int status, string title) => Results.Problem(statusCode: status, title: title);
}
