namespace FigiAuth.Samples.FigiAuthApi;

/// <summary>The created confirmation, or why FigiAuth refused it (e.g. a validation message naming the field).</summary>
public sealed record CreateConfirmationResult(Confirmation? Confirmation, string? Error);
