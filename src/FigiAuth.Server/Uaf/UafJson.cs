using System.Text.Json.Serialization;
using FigiAuth.Uaf.Messages;

namespace FigiAuth.Server.Uaf;

/// <summary>
/// The <c>context</c> JSON string of GetUAFRequest / SendUAFResponse (DESIGN.md, UAF.md §4): the conformance adapter's
/// members plus FigiAuth's <c>confirmationId</c>.
/// </summary>
internal sealed record UafContext
{
    [JsonPropertyName("username")] public string? Username { get; init; }
    [JsonPropertyName("transaction")] public string? Transaction { get; init; }
    [JsonPropertyName("confirmationId")] public string? ConfirmationId { get; init; }
    [JsonPropertyName("deregisterAAID")] public string? DeregisterAaid { get; init; }
    [JsonPropertyName("deregisterAll")] public bool? DeregisterAll { get; init; }
}

/// <summary>What a challenge row's PayloadJson holds for a UAF request: the issued policy and transaction forms, and
/// the confirmation the transaction belongs to.</summary>
internal sealed record UafChallengePayload(
    [property: JsonPropertyName("policy")] UafPolicy Policy,
    [property: JsonPropertyName("transactions")] IReadOnlyList<UafChallengeTransaction>? Transactions = null,
    [property: JsonPropertyName("confirmationId")] string? ConfirmationId = null);

/// <summary>One transaction form as sent: content type, the decoded content bytes (base64 in JSON) and, for a PNG, the
/// display it was rendered for.</summary>
internal sealed record UafChallengeTransaction(
    [property: JsonPropertyName("contentType")] string ContentType,
    [property: JsonPropertyName("content")] byte[] Content,
    [property: JsonPropertyName("png")] DisplayPngCharacteristicsDescriptor? Png = null);

[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    AllowDuplicateProperties = false,
    MaxDepth = 16)]
[JsonSerializable(typeof(UafContext))]
[JsonSerializable(typeof(UafChallengePayload))]
[JsonSerializable(typeof(UafGetAnswer))]
[JsonSerializable(typeof(FigiAuth.Uaf.Messages.DisplayPngCharacteristicsDescriptor[]))]
internal sealed partial class UafServerJsonContext : JsonSerializerContext;
