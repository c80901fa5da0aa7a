using System.Text.Json;
using System.Text.Json.Serialization;
using FigiAuth.Client.Http;
using FigiAuth.Client.KeyStore;
using FigiAuth.Uaf.Messages;

namespace FigiAuth.Client;

/// <summary>Source-generated JSON for the client's own documents and single UAF messages.</summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    RespectNullableAnnotations = true,
    AllowDuplicateProperties = false)]
[JsonSerializable(typeof(KeyRecord[]))]
[JsonSerializable(typeof(UafRequestContext))]
[JsonSerializable(typeof(RegistrationRequest))]
[JsonSerializable(typeof(AuthenticationRequest))]
[JsonSerializable(typeof(DeregistrationRequest))]
[JsonSerializable(typeof(PendingConfirmation[]))]
[JsonSerializable(typeof(ConfirmationState))]
[JsonSerializable(typeof(UafRefusalDescription))]
[JsonSerializable(typeof(JsonElement))]
internal partial class ClientJsonContext : JsonSerializerContext;
