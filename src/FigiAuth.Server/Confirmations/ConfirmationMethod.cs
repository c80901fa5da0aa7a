using System.Text.Json.Serialization;

namespace FigiAuth.Server.Confirmations;

/// <summary>How the user confirmed; the receipt's "method" claim.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ConfirmationMethod>))]
public enum ConfirmationMethod
{
    [JsonStringEnumMemberName("uaf")] Uaf = 1,
    [JsonStringEnumMemberName("passkey")] Passkey = 2,
}
