using FigiAuth.Uaf.Verification;

namespace FigiAuth.Uaf.Tests.Support;

public sealed class InMemoryRegistrationLookup : IUafRegistrationLookup
{
    private readonly Dictionary<string, StoredUafRegistration> _registrations = new(StringComparer.Ordinal);

    public void Add(StoredUafRegistration registration) => _registrations[Key(registration.Aaid, registration.KeyId)] = registration;

    public void Remove(string aaid, string keyId) => _registrations.Remove(Key(aaid, keyId));

    public ValueTask<StoredUafRegistration?> FindAsync(string aaid, string keyIdBase64Url, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_registrations.GetValueOrDefault(Key(aaid, keyIdBase64Url)));

    private static string Key(string aaid, string keyId) => $"{aaid.ToUpperInvariant()}|{keyId}";
}
