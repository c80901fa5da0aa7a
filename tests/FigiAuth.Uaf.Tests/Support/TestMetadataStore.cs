using FigiAuth.Uaf.Algorithms;
using FigiAuth.Uaf.Metadata;

namespace FigiAuth.Uaf.Tests.Support;

public sealed class TestMetadataStore : IMetadataStore
{
    private readonly Dictionary<string, MetadataEntry> _entries = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyCollection<MetadataEntry> All => _entries.Values;

    public MetadataEntry? Find(string aaid) => _entries.GetValueOrDefault(aaid);

    public TestMetadataStore Add(MetadataStatement statement, params StatusReport[] reports)
    {
        _entries[statement.Aaid] = new MetadataEntry(statement, reports);
        return this;
    }

    public void Remove(string aaid) => _entries.Remove(aaid);

    public void Transform(string aaid, Func<MetadataStatement, MetadataStatement> change) =>
        _entries[aaid] = _entries[aaid] with { Statement = change(_entries[aaid].Statement) };

    /// <summary>A P-256 RAW, X9.62 RAW, surrogate-attested model, as a software authenticator would be.</summary>
    public static MetadataStatement SurrogateP256(string aaid) => new()
    {
        Aaid = aaid,
        AuthenticatorVersion = 1,
        AuthenticationAlgorithms = [UafSignatureAlgorithm.Secp256r1EcdsaSha256Raw],
        PublicKeyAlgAndEncodings = [UafPublicKeyEncoding.EccX962Raw],
        AttestationTypes = [UafAttestationType.BasicSurrogate],
        UserVerification = 2,
        KeyProtection = 2,
        TcDisplay = 1,
        TcDisplayContentType = "text/plain",
    };
}
