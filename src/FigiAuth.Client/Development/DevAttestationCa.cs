using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using FigiAuth.Client.Authenticators;
using FigiAuth.Uaf.Algorithms;

namespace FigiAuth.Client.Development;

/// <summary>
/// The FigiAuth DEVELOPMENT attestation CA: a P-256 root and one P-256 attestation certificate per
/// basic-full profile (carrying the FIDO AAID extension 1.3.6.1.4.1.45724.1.1.1). Its private keys
/// are not secret: never trust this root outside development.
/// </summary>
public sealed class DevAttestationCa : IDisposable
{
    /// <summary>id-fido-uaf-aaid: the AAID an attestation certificate vouches for.</summary>
    public const string AaidExtensionOid = "1.3.6.1.4.1.45724.1.1.1";

    private readonly Dictionary<string, X509Certificate2> _leaves;

    private DevAttestationCa(X509Certificate2 root, Dictionary<string, X509Certificate2> leaves)
    {
        Root = root;
        _leaves = leaves;
    }

    /// <summary>The self-signed root (with its private key).</summary>
    public X509Certificate2 Root { get; }

    /// <summary>Attestation certificates by AAID (with their private keys).</summary>
    public IReadOnlyDictionary<string, X509Certificate2> Leaves => _leaves;

    /// <summary>Makes a new root and an attestation certificate for every basic-full profile.</summary>
    public static DevAttestationCa Create(IEnumerable<AuthenticatorProfile>? profiles = null, TimeProvider? time = null)
    {
        var now = (time ?? TimeProvider.System).GetUtcNow();
        using var rootKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var rootRequest = new CertificateRequest(
            "CN=FigiAuth Development Attestation Root (DEVELOPMENT ONLY), O=FigiAuth, C=KE", rootKey, HashAlgorithmName.SHA256);
        rootRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        rootRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        rootRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(rootRequest.PublicKey, false));
        var root = rootRequest.CreateSelfSigned(now.AddDays(-1), now.AddYears(20));

        var leaves = new Dictionary<string, X509Certificate2>(StringComparer.OrdinalIgnoreCase);
        foreach (var profile in (profiles ?? AuthenticatorProfiles.All).Where(p => p.Attestation == UafAttestationType.BasicFull))
        {
            using var leafKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var request = new CertificateRequest(
                $"CN=FigiAuth Dev Attestation {profile.Aaid}, OU=Authenticator Attestation, O=FigiAuth (DEVELOPMENT ONLY), C=KE",
                leafKey, HashAlgorithmName.SHA256);
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
            var aaid = new AsnWriter(AsnEncodingRules.DER);
            aaid.WriteOctetString(Encoding.ASCII.GetBytes(profile.Aaid));
            request.CertificateExtensions.Add(new X509Extension(AaidExtensionOid, aaid.Encode(), false));
            var serial = RandomNumberGenerator.GetBytes(16);
            serial[0] &= 0x7F;
            using var signed = request.Create(root, now.AddDays(-1), now.AddYears(15), serial);
            leaves[profile.Aaid] = signed.CopyWithPrivateKey(leafKey);
        }
        return new DevAttestationCa(root, leaves);
    }

    /// <summary>The attestation signer for a basic-full AAID.</summary>
    public AttestationSigner SignerFor(string aaid)
    {
        var leaf = _leaves.TryGetValue(aaid, out var found) ? found
            : throw new KeyNotFoundException($"the development CA has no attestation certificate for {aaid}");
        return new AttestationSigner(leaf.GetECDsaPrivateKey()!, [leaf.RawData]);
    }

    /// <summary>
    /// Writes root.crt.pem/root.key.pem, attestation/{AAID}.crt.pem/.key.pem and
    /// metadata/{AAID}.json for every profile into <paramref name="folder"/>.
    /// </summary>
    public void Save(string folder, IEnumerable<AuthenticatorProfile>? profiles = null)
    {
        Directory.CreateDirectory(Path.Combine(folder, "attestation"));
        Directory.CreateDirectory(Path.Combine(folder, "metadata"));
        File.WriteAllText(Path.Combine(folder, "root.crt.pem"), Root.ExportCertificatePem() + "\n");
        File.WriteAllText(Path.Combine(folder, "root.key.pem"), Root.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem() + "\n");
        foreach (var (aaid, leaf) in _leaves)
        {
            var name = FileName(aaid);
            File.WriteAllText(Path.Combine(folder, "attestation", name + ".crt.pem"), leaf.ExportCertificatePem() + "\n");
            File.WriteAllText(Path.Combine(folder, "attestation", name + ".key.pem"), leaf.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem() + "\n");
        }
        foreach (var profile in profiles ?? AuthenticatorProfiles.All)
            File.WriteAllBytes(Path.Combine(folder, "metadata", FileName(profile.Aaid) + ".json"), MetadataStatementJson.Write(profile, Root.RawData));
    }

    /// <summary>Loads a CA written by <see cref="Save"/>.</summary>
    public static DevAttestationCa Load(string folder)
    {
        var root = X509Certificate2.CreateFromPemFile(Path.Combine(folder, "root.crt.pem"), Path.Combine(folder, "root.key.pem"));
        var leaves = new Dictionary<string, X509Certificate2>(StringComparer.OrdinalIgnoreCase);
        var attestation = Path.Combine(folder, "attestation");
        if (Directory.Exists(attestation))
        {
            foreach (var certificate in Directory.EnumerateFiles(attestation, "*.crt.pem"))
            {
                var name = Path.GetFileName(certificate)[..^".crt.pem".Length];
                leaves[name.Replace('-', '#')] = X509Certificate2.CreateFromPemFile(certificate, Path.Combine(attestation, name + ".key.pem"));
            }
        }
        return new DevAttestationCa(root, leaves);
    }

    /// <summary>"F1D0#0001" becomes "F1D0-0001" ('#' is awkward in file names and URLs).</summary>
    public static string FileName(string aaid) => aaid.Replace('#', '-');

    public void Dispose()
    {
        Root.Dispose();
        foreach (var leaf in _leaves.Values)
            leaf.Dispose();
    }
}
