using System.Text.Json;
using System.Text.Json.Serialization;

namespace FigiAuth.Uaf.Messages;

/// <summary>
/// Source-generated JSON for every UAF message. Required constructor parameters and nullable
/// annotations are enforced on read, so a missing or null required member is a format error.
/// </summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    MaxDepth = 16,
    AllowDuplicateProperties = false)]
[JsonSerializable(typeof(RegistrationRequest[]))]
[JsonSerializable(typeof(RegistrationResponse[]))]
[JsonSerializable(typeof(AuthenticationRequest[]))]
[JsonSerializable(typeof(AuthenticationResponse[]))]
[JsonSerializable(typeof(DeregistrationRequest[]))]
[JsonSerializable(typeof(FinalChallengeParams))]
[JsonSerializable(typeof(GetUafRequest))]
[JsonSerializable(typeof(ReturnUafRequest))]
[JsonSerializable(typeof(SendUafResponse))]
[JsonSerializable(typeof(ServerResponse))]
[JsonSerializable(typeof(TrustedFacetList))]
[JsonSerializable(typeof(UafPolicy))]
[JsonSerializable(typeof(JsonElement))]
public partial class UafJsonContext : JsonSerializerContext;
