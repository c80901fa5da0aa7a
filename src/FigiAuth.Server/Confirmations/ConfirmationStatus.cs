using System.Text.Json.Serialization;

namespace FigiAuth.Server.Confirmations;

[JsonConverter(typeof(JsonStringEnumConverter<ConfirmationStatus>))]
public enum ConfirmationStatus
{
    [JsonStringEnumMemberName("pending")] Pending = 0,
    [JsonStringEnumMemberName("confirmed")] Confirmed = 1,
    [JsonStringEnumMemberName("rejected")] Rejected = 2,
    [JsonStringEnumMemberName("expired")] Expired = 3,
    [JsonStringEnumMemberName("cancelled")] Cancelled = 4,
}
