using FigiAuth.Uaf.Algorithms;
using FigiAuth.Uaf.Messages;
using FigiAuth.Uaf.Metadata;

namespace FigiAuth.Uaf.Tests.Metadata;

public sealed class MetadataStatementReaderTests
{
    [Fact]
    public void Succeeds_ForSpecExampleStatementInPreV3Form()
    {
        var s = MetadataTestFiles.SpecExample();

        Assert.Equal("1234#5678", s.Aaid);
        Assert.Equal((ushort)2, s.AuthenticatorVersion);
        Assert.Equal([UafVersion.V1_0, UafVersion.V1_1], s.Upv);
        Assert.Equal([UafSignatureAlgorithm.Secp256r1EcdsaSha256Raw], s.AuthenticationAlgorithms);
        Assert.Equal([UafPublicKeyEncoding.EccX962Raw], s.PublicKeyAlgAndEncodings);
        Assert.Equal([UafAttestationType.BasicFull], s.AttestationTypes);
        Assert.Equal(2u, s.UserVerification);
        Assert.Equal((ushort)6, s.KeyProtection);
        Assert.Equal((ushort)2, s.MatcherProtection);
        Assert.Equal(1u, s.AttachmentHint);
        Assert.Equal((ushort)5, s.TcDisplay);
        Assert.False(s.IsSecondFactorOnly); // the example writes the string "false"
        Assert.Equal("image/png", s.TcDisplayContentType);
        Assert.Equal(320u, Assert.Single(s.TcDisplayPngCharacteristics).Width);
        var root = Assert.Single(s.AttestationRootCertificates);
        Assert.Equal("7231962210d2933ec993a77b4a7203898ab74cdf974ff02d2de3f1ec7cb9de68",
            Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(root)));
    }

    [Fact]
    public void Succeeds_ForEveryConformanceToolStatement()
    {
        var statements = MetadataTestFiles.ConformanceStatementsJson();
        Assert.Contains("FFFF#FCFF", statements.Keys);

        foreach (var (aaid, json) in statements)
        {
            var s = MetadataStatementReader.Read(json);
            Assert.Equal(aaid, s.Aaid);
            Assert.NotEmpty(s.AuthenticationAlgorithms);
            Assert.NotEmpty(s.AttestationTypes);
            Assert.Equal("UAFV1TLV", s.AssertionScheme);
        }
        // FC01's P-256 root does not parse in .NET; its bytes are kept for the attestation code.
        var fc01 = MetadataStatementReader.Read(statements["FFFF#FC01"]);
        Assert.Equal(0x30, Assert.Single(fc01.AttestationRootCertificates)[0]);
        Assert.Equal(4u | 2u, fc01.UserVerification);
        Assert.Equal(2, fc01.UserVerificationDetails.Count);
    }

    [Fact]
    public void Succeeds_ForV3StatementWithStringEnums()
    {
        var s = MetadataTestFiles.FigiSample();

        Assert.Equal("F161#0001", s.Aaid);
        // "some_future_alg" is not in the registry and is skipped.
        Assert.Equal([UafSignatureAlgorithm.Secp256r1EcdsaSha256Raw, UafSignatureAlgorithm.Secp256r1EcdsaSha256Der], s.AuthenticationAlgorithms);
        Assert.Equal([UafAttestationType.BasicSurrogate], s.AttestationTypes);
        Assert.Equal([[2u], [4u, 1u]], s.UserVerificationDetails.Select(a => a.ToArray()).ToArray());
        Assert.Equal((ushort)0x11, s.KeyProtection);
        Assert.Equal((ushort)1, s.MatcherProtection);
        Assert.Equal(1u, s.AttachmentHint);
        Assert.Equal((ushort)0x05, s.TcDisplay);
        Assert.True(s.IsSecondFactorOnly);
        Assert.Empty(s.AttestationRootCertificates);
        Assert.Equal("fido.uaf.android.key_attestation", Assert.Single(s.SupportedExtensions).Id);
    }

    [Theory]
    [InlineData("""{"aaguid":"0132d110-bf4e-4208-a403-ab4f5f12efe5","protocolFamily":"fido2","authenticationAlgorithms":["secp256r1_ecdsa_sha256_raw"],"publicKeyAlgAndEncodings":["cose"],"attestationTypes":["basic_full"]}""")]
    [InlineData("""{"protocolFamily":"uaf","authenticationAlgorithms":["secp256r1_ecdsa_sha256_raw"],"publicKeyAlgAndEncodings":["ecc_x962_raw"],"attestationTypes":["basic_full"]}""")]
    [InlineData("""{"aaid":"1234-5678","authenticationAlgorithm":1,"publicKeyAlgAndEncoding":256,"attestationTypes":[15879]}""")]
    [InlineData("""{"aaid":"1234#5678","publicKeyAlgAndEncoding":256,"attestationTypes":[15879]}""")]
    [InlineData("""{"aaid":"1234#5678","authenticationAlgorithm":"one","publicKeyAlgAndEncoding":256,"attestationTypes":[15879]}""")]
    [InlineData("""{"aaid":"1234#5678","authenticationAlgorithm":1,"publicKeyAlgAndEncoding":256,"attestationTypes":[15879],"attestationRootCertificates":["MIIB-_"]}""")]
    [InlineData("""{"aaid":"1234#5678","authenticationAlgorithm":1,"publicKeyAlgAndEncoding":256,"attestationTypes":[15879],"isSecondFactorOnly":"no"}""")]
    [InlineData("""{"aaid":"1234#5678","authenticationAlgorithm":1,"publicKeyAlgAndEncoding":256,"attestationTypes":[15879],"userVerificationDetails":[[{"caDesc":{}}]]}""")]
    [InlineData("""[1,2]""")]
    [InlineData("""{"aaid":""")]
    public void Fails_WithMetadataFormatException_WhenStatementIsNotUsableForUaf(string json)
    {
        Assert.Throws<MetadataFormatException>(() => MetadataStatementReader.ReadAll(json));
    }
}
