using FigiAuth.Uaf.Deregistration;
using FigiAuth.Uaf.Messages;
using FigiAuth.Uaf.Tests.Support;
using FigiAuth.Uaf.Verification;

namespace FigiAuth.Uaf.Tests.Deregistration;

public sealed class DeregistrationRequestBuilderTests
{
    private const string AppId = "https://a.example/facets";
    private const string KeyId = "ZMCPn92yHv1Ip-iCiBb6i4ADq6ZOv569KFQCvYSJfNg";

    [Fact]
    public void Succeeds_ForSpecificKeys()
    {
        var issued = Expect.Success(DeregistrationRequestBuilder.Keys(AppId, [("ABCD#ABCD", KeyId)]));
        var read = UafMessageReader.ReadDeregistrationRequest(issued.Json);
        Assert.Equal(new DeregisterAuthenticator("ABCD#ABCD", KeyId), Assert.Single(read.Authenticators));
        Assert.Equal((UafOperation.Dereg, AppId), (read.Header.Op, read.Header.AppId));
        Assert.Null(read.Header.ServerData);
    }

    [Fact]
    public void Succeeds_ForAllKeysOfOneAaid()
    {
        var issued = Expect.Success(DeregistrationRequestBuilder.AllOfAaid(AppId, "FFFF#FC01"));
        Assert.Equal(new DeregisterAuthenticator("FFFF#FC01", ""), Assert.Single(issued.Request.Authenticators));
    }

    [Fact]
    public void Succeeds_ForAllKeysOfTheAppId()
    {
        var issued = Expect.Success(DeregistrationRequestBuilder.All(AppId));
        Assert.Contains("\"authenticators\":[{\"aaid\":\"\",\"keyID\":\"\"}]", issued.Json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("FFFF-FC01")]
    [InlineData("FFFF#FC0G")]
    [InlineData("")]
    public void Fails_With1400_WhenAaidIsNotAnAaid(string aaid)
    {
        var result = aaid.Length == 0
            ? DeregistrationRequestBuilder.Keys(AppId, [(aaid, KeyId)])
            : DeregistrationRequestBuilder.AllOfAaid(AppId, aaid);
        Expect.Failure(result, UafStatusCode.BadRequest, UafSteps.Dereg01);
    }

    [Fact]
    public void Fails_With1400_WhenKeyIdIsNotBase64UrlOf32Bytes()
    {
        Expect.Failure(DeregistrationRequestBuilder.Keys(AppId, [("ABCD#ABCD", "AAAA")]), UafStatusCode.BadRequest, UafSteps.Dereg01);
    }

    [Fact]
    public void Fails_With1400_WhenNoKeyIsGiven()
    {
        Expect.Failure(DeregistrationRequestBuilder.Keys(AppId, []), UafStatusCode.BadRequest, UafSteps.Dereg01);
    }
}
