using System.Text.Json;

namespace FigiAuth.Samples.FigiAuthApi;

internal static class FigiAuthHttp
{
    /// <summary>The named HttpClient whose base address is FigiAuth's origin.</summary>
    public const string Name = "FigiAuth";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
}
