using System.Text.Json.Serialization;

namespace FigiAuth.Uaf.Messages;

/// <summary>
/// One authenticator description of a UAF policy. Every present member must match
/// (UAF Protocol §3.1.11 MatchCriteria; numbers are the FIDO Registry flag values).
/// </summary>
public sealed record MatchCriteria
{
    [JsonPropertyName("aaid")] public IReadOnlyList<string>? Aaid { get; init; }
    [JsonPropertyName("vendorID")] public IReadOnlyList<string>? VendorId { get; init; }
    [JsonPropertyName("keyIDs")] public IReadOnlyList<string>? KeyIds { get; init; }
    [JsonPropertyName("userVerification")] public uint? UserVerification { get; init; }
    [JsonPropertyName("keyProtection")] public ushort? KeyProtection { get; init; }
    [JsonPropertyName("matcherProtection")] public ushort? MatcherProtection { get; init; }
    [JsonPropertyName("attachmentHint")] public uint? AttachmentHint { get; init; }
    [JsonPropertyName("tcDisplay")] public ushort? TcDisplay { get; init; }
    [JsonPropertyName("authenticationAlgorithms")] public IReadOnlyList<ushort>? AuthenticationAlgorithms { get; init; }
    [JsonPropertyName("assertionSchemes")] public IReadOnlyList<string>? AssertionSchemes { get; init; }
    [JsonPropertyName("attestationTypes")] public IReadOnlyList<ushort>? AttestationTypes { get; init; }
    [JsonPropertyName("authenticatorVersion")] public ushort? AuthenticatorVersion { get; init; }
    [JsonPropertyName("exts")] public IReadOnlyList<UafExtension>? Exts { get; init; }
}
