using System.Text.Json.Serialization;

namespace FigiAuth.Uaf.Messages;

/// <summary>One key to forget; an empty KeyID means every key of the AAID, both empty every key of the AppID.</summary>
public sealed record DeregisterAuthenticator(
    [property: JsonPropertyName("aaid")] string Aaid,
    [property: JsonPropertyName("keyID")] string KeyId);
