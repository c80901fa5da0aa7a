using FigiAuth.Uaf.Algorithms;
using FigiAuth.Uaf.Messages;
using FigiAuth.Uaf.Metadata;
using FigiAuth.Uaf.Registration;
using FigiAuth.Uaf.Tests.Support;
using FigiAuth.Uaf.Verification;
using Microsoft.Extensions.Time.Testing;

namespace FigiAuth.Uaf.Tests.Vectors;

/// <summary>The two Nok Nok 4e4e#4090 surrogate registrations from conformance-tool issues #82 and #73.</summary>
public sealed class IssueResponseVectorTests
{
    private const string Facet = "android:apk-key-hash:T4llafAHxYRkqXnTj1Rw5xmOSeU";

    [Theory]
    [InlineData(0, "H9iW9yA9aAXF_lelQoi_DhUk514Ad8Tqv0zCnCqKDpo", "pqKt9MO4O7_gIqgm7d5PVk-3FjtF2xpCY94qhcSDgA8")]
    [InlineData(1, "IR9celOoUv1BuEsThdwNVQv", "jyd5XEdn266PY8QoapYC10G_NIFWjDi8tGztZjdD80o")]
    public async Task Succeeds_For4e4e4090SurrogateRegistration(int index, string challenge, string keyId)
    {
        var wire = VectorFiles.Load("issues-4e4e4090-registration-responses.json")[index]!["uafResponse"]!.ToJsonString();
        var store = new InMemoryCeremonyStore();
        // The request left appID empty (the header says ""), so fcParams.appID is the facet.
        store.Add(new IssuedUafRequest(challenge, UafOperation.Reg, "conformance", "",
            new UafPolicy([[new MatchCriteria { Aaid = ["4e4e#4090"] }]]), new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero)));
        var result = await RegistrationVerifier.VerifyAsync(wire, new RegistrationVerificationContext
        {
            AppId = "",
            TrustedFacetIds = [Facet],
            Metadata = new TestMetadataStore().Add(TestMetadataStore.SurrogateP256("4e4e#4090") with { AuthenticatorVersion = 0 }),
            Ceremonies = store,
            TimeProvider = new FakeTimeProvider(new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero)),
        }, TestContext.Current.CancellationToken);
        var registration = Assert.Single(Expect.Success(result).Registrations);
        Assert.Equal(("4e4e#4090", keyId, UafAttestationType.BasicSurrogate), (registration.Aaid, registration.KeyId, registration.AttestationType));
        Assert.Equal(UafPublicKeyEncoding.EccX962Raw, registration.PublicKeyEncoding);
    }

    [Fact]
    public async Task Fails_With1498_When4e4e4090ResponseIsCheckedAgainstAnotherFacet()
    {
        var wire = VectorFiles.Load("issues-4e4e4090-registration-responses.json")[0]!["uafResponse"]!.ToJsonString();
        var store = new InMemoryCeremonyStore();
        store.Add(new IssuedUafRequest("H9iW9yA9aAXF_lelQoi_DhUk514Ad8Tqv0zCnCqKDpo", UafOperation.Reg, "conformance", "",
            new UafPolicy([[new MatchCriteria { Aaid = ["4e4e#4090"] }]]), new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero)));
        var result = await RegistrationVerifier.VerifyAsync(wire, new RegistrationVerificationContext
        {
            AppId = "",
            TrustedFacetIds = ["android:apk-key-hash:AAAAAAAAAAAAAAAAAAAAAAAAAAA"],
            Metadata = new TestMetadataStore().Add(TestMetadataStore.SurrogateP256("4e4e#4090")),
            Ceremonies = store,
            TimeProvider = new FakeTimeProvider(new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero)),
        }, TestContext.Current.CancellationToken);
        Expect.Failure(result, UafStatusCode.UnacceptableContent, UafSteps.Reg07);
    }
}
