using System.Text.Json.Serialization;

namespace FigiAuth.Uaf.Messages;

/// <summary>The decoded <c>fcParams</c>. Servers parse it but hash the received string, never a re-encoding.</summary>
public sealed record FinalChallengeParams(
    [property: JsonPropertyName("appID")] string AppId,
    [property: JsonPropertyName("challenge")] string Challenge,
    [property: JsonPropertyName("facetID")] string FacetId,
    [property: JsonPropertyName("channelBinding")] ChannelBinding ChannelBinding);
