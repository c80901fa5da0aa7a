using System.Text.Json.Serialization;

namespace FigiAuth.Client.Http;

/// <summary>Who a pending confirmation pays: a display name and, when given, an account or phone number.</summary>
public sealed record PendingConfirmationPayee(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("account")] string? Account = null);
