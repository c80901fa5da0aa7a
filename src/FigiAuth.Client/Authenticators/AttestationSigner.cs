using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace FigiAuth.Client.Authenticators;

/// <summary>
/// The attestation key of a basic-full model and its certificate chain, attestation certificate
/// first, then intermediates (never the root: the server has it from metadata).
/// </summary>
public sealed class AttestationSigner(ECDsa key, IReadOnlyList<byte[]> certificateChain) : IDisposable
{
    public ECDsa Key { get; } = key;

    public IReadOnlyList<byte[]> CertificateChain { get; } = certificateChain.Count > 0
        ? certificateChain
        : throw new ArgumentException("an attestation chain needs at least the attestation certificate", nameof(certificateChain));

    /// <summary>Loads a PEM certificate whose private key sits in a PEM file beside it.</summary>
    public static AttestationSigner FromPemFiles(string certificatePath, string keyPath, params string[] intermediatePaths)
    {
        var key = ECDsa.Create();
        key.ImportFromPem(File.ReadAllText(keyPath));
        List<byte[]> chain = [X509CertificateLoader.LoadCertificateFromFile(certificatePath).RawData];
        chain.AddRange(intermediatePaths.Select(p => X509CertificateLoader.LoadCertificateFromFile(p).RawData));
        return new AttestationSigner(key, chain);
    }

    public void Dispose() => Key.Dispose();
}
