namespace FigiAuth.Server.Confirmations;

/// <summary>A create request that passed validation: who to look up, and the confirmation to create once the
/// user and client are filled in (<see cref="NewConfirmation.UserId"/> and <see cref="NewConfirmation.ClientId"/>
/// are empty here).</summary>
internal sealed record ValidatedConfirmationRequest(string? Username, string? Phone, NewConfirmation Draft);
