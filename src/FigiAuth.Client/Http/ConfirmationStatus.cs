using System.Text.Json.Serialization;

namespace FigiAuth.Client.Http;

/// <summary>Where a DFS confirmation stands (docs/integration.md "Read"); all but <see cref="Pending"/> are final.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ConfirmationStatus>))]
public enum ConfirmationStatus
{
    [JsonStringEnumMemberName("pending")] Pending,
    [JsonStringEnumMemberName("confirmed")] Confirmed,
    [JsonStringEnumMemberName("rejected")] Rejected,
    [JsonStringEnumMemberName("expired")] Expired,
    [JsonStringEnumMemberName("cancelled")] Cancelled,
}
