namespace FigiAuth.Server.Confirmations;

/// <summary>The callback body: a hint to fetch the confirmation (and its receipt) with the client's token.</summary>
public sealed record ConfirmationCallback(string Id, ConfirmationStatus Status, DateTimeOffset? AnsweredAt);
