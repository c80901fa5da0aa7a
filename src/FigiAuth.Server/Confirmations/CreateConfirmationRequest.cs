using System.Text.Json;

namespace FigiAuth.Server.Confirmations;

/// <summary>
/// POST /confirmations/v1. Exactly one of Username or Phone. Amount is a JSON string ("1500.00"): a JSON number
/// is refused so no floating point touches it. DisplayText exists only to refuse it: the server writes the text.
/// </summary>
public sealed record CreateConfirmationRequest(
    string? Username,
    string? Phone,
    JsonElement? Amount,
    string? Currency,
    PayeeRequest? Payee,
    int? ExpiresInSeconds,
    string? CallbackUrl,
    string? DisplayText);
