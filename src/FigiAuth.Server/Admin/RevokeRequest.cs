namespace FigiAuth.Server.Admin;

public sealed record RevokeRequest(string? Reason);
