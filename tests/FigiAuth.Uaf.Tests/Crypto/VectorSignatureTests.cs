using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using FigiAuth.Uaf.Algorithms;
using FigiAuth.Uaf.Crypto;

namespace FigiAuth.Uaf.Tests.Crypto;

/// <summary>
/// Real attestation signatures from docs/specs/vectors (README: all 7 eBay registration assertions,
/// the v1.1 spec example and both 4e4e#4090 surrogate responses verify) through <see cref="UafPublicKey"/>.
/// </summary>
public sealed class VectorSignatureTests
{
    private const string Step = "UAF-REG-18";

    public static TheoryData<string> EbayRegistrationAssertions()
    {
        var data = new TheoryData<string>();
        foreach (var item in Load("ebay-uaf-test-assertions.json").GetProperty("items").EnumerateArray())
            if (item.GetProperty("kind").GetString() == "TAG_UAFV1_REG_ASSERTION")
                data.Add(item.GetProperty("assertion").GetString()!);
        return data;
    }

    public static TheoryData<string> SurrogateAssertions()
    {
        var data = new TheoryData<string>();
        foreach (var issue in Load("issues-4e4e4090-registration-responses.json").EnumerateArray())
            foreach (var response in issue.GetProperty("uafResponse").EnumerateArray())
                foreach (var assertion in response.GetProperty("assertions").EnumerateArray())
                    data.Add(assertion.GetProperty("assertion").GetString()!);
        return data;
    }

    public static string SpecAssertion() =>
        Load("spec-v1.1-registration-response.json")[0].GetProperty("assertions")[0].GetProperty("assertion").GetString()!;

    [Theory]
    [MemberData(nameof(EbayRegistrationAssertions))]
    public void Succeeds_ForEveryEbayBasicFullAttestationSignature(string assertion)
    {
        var parsed = RegistrationAssertionVector.Parse(assertion);
        Assert.Equal(UafAttestationType.BasicFull, parsed.AttestationType);
        using var certificate = X509CertificateLoader.LoadCertificate(parsed.Certificates[0]);
        var imported = UafPublicKey.FromCertificate(certificate, parsed.Krd.SignatureAlgorithm, Step);
        Assert.True(imported.Succeeded, imported.Failure?.ToString());
        using var key = imported.Value;
        Assert.True(key.Verify(parsed.Krd.Raw, parsed.Signature));
        var tampered = parsed.Krd.Raw.ToArray();
        tampered[^1] ^= 0x01;
        Assert.False(key.Verify(tampered, parsed.Signature));
    }

    [Fact]
    public void Succeeds_ForTheSpecExampleAttestationSignature()
    {
        var parsed = RegistrationAssertionVector.Parse(SpecAssertion());
        Assert.Equal(UafSignatureAlgorithm.Secp256r1EcdsaSha256Raw, parsed.Krd.SignatureAlgorithm);
        using var certificate = X509CertificateLoader.LoadCertificate(parsed.Certificates[0]);
        using var key = UafPublicKey.FromCertificate(certificate, parsed.Krd.SignatureAlgorithm, Step).Value;
        Assert.True(key.Verify(parsed.Krd.Raw, parsed.Signature));
        // The UAuth key of the same KRD imports as ECC_X962_RAW too.
        Assert.True(UafPublicKey.Import(parsed.Krd.SignatureAlgorithm, parsed.Krd.PublicKeyEncoding, parsed.Krd.PublicKey, Step).Succeeded);
    }

    [Theory]
    [MemberData(nameof(SurrogateAssertions))]
    public void Succeeds_ForEverySurrogateAttestationSignature(string assertion)
    {
        var parsed = RegistrationAssertionVector.Parse(assertion);
        Assert.Equal(UafAttestationType.BasicSurrogate, parsed.AttestationType);
        var krd = parsed.Krd;
        using var key = UafPublicKey.Import(krd.SignatureAlgorithm, krd.PublicKeyEncoding, krd.PublicKey, Step).Value;
        Assert.True(key.Verify(krd.Raw, parsed.Signature));
    }

    public static JsonElement Load(string file) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "vectors", file))).RootElement;
}
