using System.Text.Json.Serialization;

namespace FigiAuth.Uaf.Messages;

/// <summary>TLS channel binding data the client saw; every member is optional and <c>{}</c> is normal.</summary>
public sealed record ChannelBinding
{
    [JsonPropertyName("serverEndPoint")] public string? ServerEndPoint { get; init; }
    [JsonPropertyName("tlsServerCertificate")] public string? TlsServerCertificate { get; init; }
    [JsonPropertyName("tlsUnique")] public string? TlsUnique { get; init; }
    [JsonPropertyName("cid_pubkey")] public string? CidPubkey { get; init; }
}
