using System.Text.Json.Serialization;

namespace FigiAuth.Uaf.Messages;

/// <summary>
/// UAF Policy: <see cref="Accepted"/> is an OR over AND-sets in server preference order;
/// <see cref="Disallowed"/> excludes regardless of <see cref="Accepted"/>.
/// </summary>
public sealed record UafPolicy(
    [property: JsonPropertyName("accepted")] IReadOnlyList<IReadOnlyList<MatchCriteria>> Accepted,
    [property: JsonPropertyName("disallowed")] IReadOnlyList<MatchCriteria>? Disallowed = null);
