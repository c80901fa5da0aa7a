using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using FigiAuth.Server.Passkeys;
using FigiAuth.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using FigiAuth.Uaf.Metadata;
using Microsoft.EntityFrameworkCore;

namespace FigiAuth.Server.Tests.Passkeys;

/// <summary>The passkey side of the MDS3 BLOB: Fido2's metadata entries from it, and the registration policy.</summary>
public sealed class PasskeyMetadataTests
{
    internal static readonly Guid Known = Guid.Parse("11111111-2222-3333-4444-555555555555");
    internal static readonly Guid Revoked = Guid.Parse("22222222-2222-3333-4444-555555555555");
    static readonly Guid Compromised = Guid.Parse("33333333-2222-3333-4444-555555555555");
    static readonly Guid Broken = Guid.Parse("44444444-2222-3333-4444-555555555555");
    internal static readonly Guid Unknown = Guid.Parse("99999999-2222-3333-4444-555555555555");

    static readonly X509Certificate2 RootCertificate = CreateRoot();
    static readonly byte[] Root = RootCertificate.RawData;
    static readonly byte[] Leaf = RandomNumberGenerator.GetBytes(64);

    static X509Certificate2 CreateRoot()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=Test Passkey Root", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
    }

    /// <summary>A packed attestation certificate and key issued by <paramref name="issuer"/> (the test root by default).</summary>
    internal static (X509Certificate2, ECDsa) AttestationKey(X509Certificate2? issuer = null)
    {
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("C=KE, O=FigiAuth Test, OU=Authenticator Attestation, CN=Test Passkey", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        var cert = request.Create(issuer ?? RootCertificate, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(30),
            RandomNumberGenerator.GetBytes(8));
        return (cert, key);
    }

    static object Statement(Guid aaguid) => new Dictionary<string, object>
    {
        ["legalHeader"] = "test",
        ["aaguid"] = aaguid.ToString(),
        ["description"] = "Test passkey authenticator",
        ["authenticatorVersion"] = 1,
        ["protocolFamily"] = "fido2",
        ["schema"] = 3,
        ["upv"] = new[] { new { major = 1, minor = 0 } },
        ["authenticationAlgorithms"] = new[] { "secp256r1_ecdsa_sha256_raw" },
        ["publicKeyAlgAndEncodings"] = new[] { "cose" },
        ["attestationTypes"] = new[] { "basic_full" },
        ["userVerificationDetails"] = new[] { new[] { new { userVerificationMethod = "presence_internal" } } },
        ["keyProtection"] = new[] { "hardware" },
        ["matcherProtection"] = new[] { "on_chip" },
        ["attachmentHint"] = new[] { "external" },
        ["tcDisplay"] = Array.Empty<string>(),
        ["attestationRootCertificates"] = new[] { Convert.ToBase64String(Root) },
    };

    internal static Mds3Blob Blob() => Mds3BlobReader.ReadPayload(JsonSerializer.Serialize(new
    {
        no = 7,
        nextUpdate = "2099-01-01",
        entries = new object[]
        {
            new
            {
                aaguid = Known.ToString(),
                metadataStatement = Statement(Known),
                statusReports = new[] { new { status = "FIDO_CERTIFIED_L1", effectiveDate = "2025-01-01" } },
                timeOfLastStatusChange = "2025-01-01",
            },
            new
            {
                aaguid = Revoked.ToString(),
                metadataStatement = Statement(Revoked),
                statusReports = new[]
                {
                    new { status = "FIDO_CERTIFIED_L1", effectiveDate = "2024-01-01" },
                    new { status = "REVOKED", effectiveDate = "2025-06-01" },
                },
                timeOfLastStatusChange = "2025-06-01",
            },
            new
            {
                aaguid = Compromised.ToString(),
                metadataStatement = Statement(Compromised),
                statusReports = new[] { new { status = "ATTESTATION_KEY_COMPROMISE", effectiveDate = "2025-06-01", certificate = Convert.ToBase64String(Leaf) } },
                timeOfLastStatusChange = "2025-06-01",
            },
            new
            {
                aaguid = Broken.ToString(),
                metadataStatement = (object)new { attestationRootCertificates = "not an array" },
                statusReports = Array.Empty<object>(),
                timeOfLastStatusChange = "2025-06-01",
            },
        },
    }));

    static readonly PasskeyMetadataService Service = new(Blob);

    static AttestationStatement Full(params byte[][] chain) => new("packed", chain.Length > 0 ? chain : [Leaf], []);

    static string? Decide(Guid aaguid, AttestationStatement attestation, bool requireAttestation = true)
    {
        var entry = Service.Find(aaguid);
        return PasskeyAttestationPolicy.Evaluate(new PasskeyOptions { RequireAttestation = requireAttestation }, aaguid, attestation,
            entry, entry is not null && PasskeyMetadataService.ToFido2(entry) is not null);
    }

    [Fact]
    public async Task KnownAaguid_ReturnsFido2Entry_WithItsAttestationRoots_AndStatusReports()
    {
        var entry = await Service.GetEntryAsync(Known, TestContext.Current.CancellationToken);

        Assert.NotNull(entry);
        Assert.Equal(Known, entry.AaGuid);
        Assert.Equal([Convert.ToBase64String(Root)], entry.MetadataStatement.AttestationRootCertificates);
        Assert.Equal(Fido2NetLib.AuthenticatorStatus.FIDO_CERTIFIED_L1, Assert.Single(entry.StatusReports).Status);
        var revoked = await Service.GetEntryAsync(Revoked, TestContext.Current.CancellationToken);
        Assert.Equal(Fido2NetLib.AuthenticatorStatus.REVOKED, revoked!.GetLatestStatusReport()!.Status);
    }

    [Fact]
    public async Task UnknownOrZeroAaguid_OrNoBlob_ReturnsNoEntry()
    {
        Assert.Null(await Service.GetEntryAsync(Unknown, TestContext.Current.CancellationToken));
        Assert.Null(await Service.GetEntryAsync(Guid.Empty, TestContext.Current.CancellationToken));
        Assert.Null(await new PasskeyMetadataService(() => null).GetEntryAsync(Known, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task UnreadableStatement_IsNoEntry()
    {
        Assert.NotNull(Service.Find(Broken));
        Assert.Null(await Service.GetEntryAsync(Broken, TestContext.Current.CancellationToken));
    }

    [Fact]
    public void RevokedAaguid_IsRefused_WithOrWithoutRequiredAttestation()
    {
        Assert.Contains("REVOKED", Decide(Revoked, Full()));
        Assert.Contains("REVOKED", Decide(Revoked, new AttestationStatement("none", [], []), requireAttestation: false));
    }

    [Fact]
    public void AttestationKeyCompromise_RefusesOnlyTheNamedCertificate()
    {
        Assert.Contains("ATTESTATION_KEY_COMPROMISE", Decide(Compromised, Full(Leaf)));
        Assert.Null(Decide(Compromised, Full(RandomNumberGenerator.GetBytes(64))));
    }

    [Fact]
    public void RequiredAttestation_RefusesUnknownAaguid_None_Self_AndUnusableMetadata()
    {
        Assert.Contains("no metadata", Decide(Unknown, Full()));
        Assert.Contains("none given", Decide(Known, new AttestationStatement("none", [], [])));
        Assert.Contains("self attestation", Decide(Known, new AttestationStatement("packed", [], [])));
        Assert.Contains("not usable", Decide(Broken, Full()));
        Assert.Null(Decide(Known, Full()));
    }

    [Fact]
    public void WithoutRequiredAttestation_UnknownAndNone_AreAccepted_AndAaguidListsStillApply()
    {
        Assert.Null(Decide(Unknown, new AttestationStatement("none", [], []), requireAttestation: false));
        var options = new PasskeyOptions { DeniedAaguids = [Known] };
        Assert.Contains("denied", PasskeyAttestationPolicy.Evaluate(options, Known, Full(), Service.Find(Known), true));
        options = new PasskeyOptions { AllowedAaguids = [Known] };
        Assert.Contains("not allowed", PasskeyAttestationPolicy.Evaluate(options, Unknown, Full(), null, false));
    }

    [Fact]
    public void AttestationStatement_ReadsFormatAndChain()
    {
        var writer = new System.Formats.Cbor.CborWriter();
        writer.WriteStartMap(3);
        writer.WriteTextString("fmt");
        writer.WriteTextString("packed");
        writer.WriteTextString("attStmt");
        writer.WriteStartMap(3);
        writer.WriteTextString("alg");
        writer.WriteInt32(-7);
        writer.WriteTextString("sig");
        writer.WriteByteString([1, 2]);
        writer.WriteTextString("x5c");
        writer.WriteStartArray(1);
        writer.WriteByteString(Leaf);
        writer.WriteEndArray();
        writer.WriteEndMap();
        writer.WriteTextString("authData");
        writer.WriteByteString([9]);
        writer.WriteEndMap();

        var read = AttestationStatement.Read(writer.Encode());

        Assert.Equal("packed", read.Format);
        Assert.Equal(Leaf, Assert.Single(read.Certificates));
        Assert.False(read.IsSelf);
    }
}

/// <summary>RequireAttestation over HTTP: the software authenticator's "none" attestation is refused (generic 401, reason audited).</summary>
/// <summary>The server with the test MDS3 BLOB as passkey metadata.</summary>
public class PasskeyMetadataServerFactory : FigiAuthServerFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s => s.AddSingleton(new PasskeyMetadataService(PasskeyMetadataTests.Blob)));
    }

    public HttpClient CreateBrowser() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
}

public sealed class RequiredAttestationServerFactory : PasskeyMetadataServerFactory
{
    public RequiredAttestationServerFactory() => Settings["FigiAuth:Passkeys:RequireAttestation"] = "true";
}

/// <summary>Without RequireAttestation: a known AAGUID with "none" attestation registers, a REVOKED one does not.</summary>
public sealed class PasskeyOptionalAttestationTests(PasskeyMetadataServerFactory factory) : IClassFixture<PasskeyMetadataServerFactory>
{
    [Fact]
    public async Task KnownAaguid_WithNoneAttestation_Registers_AndRevokedAaguid_IsRefused()
    {
        var known = new PasskeyScenario(factory.CreateBrowser());
        known.Authenticator.Aaguid = PasskeyMetadataTests.Known;
        var response = await known.SignUpAsync($"fumo-{Guid.NewGuid():N}"[..20]);
        Assert.True(HttpStatusCode.OK == response.StatusCode, await response.Content.ReadAsStringAsync());

        var revoked = new PasskeyScenario(factory.CreateBrowser());
        revoked.Authenticator.Aaguid = PasskeyMetadataTests.Revoked;
        Assert.Equal(HttpStatusCode.Unauthorized, (await revoked.SignUpAsync($"fumo-{Guid.NewGuid():N}"[..20])).StatusCode);
    }
}

public sealed class PasskeyRequiredAttestationTests(RequiredAttestationServerFactory factory) : IClassFixture<RequiredAttestationServerFactory>
{
    [Fact]
    public async Task Fails_With401_WhenAttestationIsNone_AndAuditsTheReason()
    {
        var test = new PasskeyScenario(factory.CreateBrowser());

        var response = await test.SignUpAsync($"dalia-{Guid.NewGuid():N}"[..20]);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.False(await factory.WithDbAsync((db, _) => db.PasskeyCredentials.AnyAsync(c => c.CredentialId == test.Authenticator.CredentialId)));
        Assert.True(await factory.WithDbAsync((db, _) => db.AuditEvents.AnyAsync(e =>
            e.Type == "passkey.registration.failed" && e.DetailJson.Contains("attestation required"))));
    }

    async Task<(HttpResponseMessage Response, PasskeyScenario Test)> SignUpAsync(Guid aaguid, (X509Certificate2, ECDsa)? attestation)
    {
        var test = new PasskeyScenario(factory.CreateBrowser());
        test.Authenticator.Aaguid = aaguid;
        test.Authenticator.Attestation = attestation;
        return (await test.SignUpAsync($"erasto-{Guid.NewGuid():N}"[..20]), test);
    }

    Task<bool> AuditedAsync(string reason) => factory.WithDbAsync((db, _) => db.AuditEvents.AnyAsync(e =>
        e.Type == "passkey.registration.failed" && e.DetailJson.Contains(reason)));

    [Fact]
    public async Task Succeeds_WhenPackedAttestationChainsToTheMetadataRootOfItsAaguid()
    {
        var (response, test) = await SignUpAsync(PasskeyMetadataTests.Known, PasskeyMetadataTests.AttestationKey());

        Assert.True(HttpStatusCode.OK == response.StatusCode, await response.Content.ReadAsStringAsync());
        var stored = await factory.WithDbAsync((db, _) => db.PasskeyCredentials.SingleAsync(c => c.CredentialId == test.Authenticator.CredentialId));
        Assert.Equal("packed", stored.AttestationFormat);
        Assert.Equal(PasskeyMetadataTests.Known, stored.Aaguid);
    }

    [Fact]
    public async Task Fails_With401_WhenTheChainEndsAtAnotherRoot()
    {
        using var otherKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=Other Root", otherKey, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        using var otherRoot = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));

        var (response, test) = await SignUpAsync(PasskeyMetadataTests.Known, PasskeyMetadataTests.AttestationKey(otherRoot));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.True(await AuditedAsync("InvalidCertificateChain"));
        Assert.False(await factory.WithDbAsync((db, _) => db.PasskeyCredentials.AnyAsync(c => c.CredentialId == test.Authenticator.CredentialId)));
    }

    [Fact]
    public async Task Fails_With401_WhenTheAaguidIsRevoked_OrUnknown()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await SignUpAsync(PasskeyMetadataTests.Revoked, PasskeyMetadataTests.AttestationKey())).Response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SignUpAsync(PasskeyMetadataTests.Unknown, PasskeyMetadataTests.AttestationKey())).Response.StatusCode);
        Assert.True(await AuditedAsync("Was REVOKED")); // Fido2's latest-status check; PasskeyAttestationPolicy also refuses
        Assert.True(await AuditedAsync("has no metadata"));
    }
}
