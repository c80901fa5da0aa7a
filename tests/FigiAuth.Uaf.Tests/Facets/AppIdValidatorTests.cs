using FigiAuth.Uaf.Facets;

namespace FigiAuth.Uaf.Tests.Facets;

public sealed class AppIdValidatorTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("https://uaf.example.com/uaf/v1/facets")]
    public void Succeeds_ForAbsentOrHttpsAppId(string? appId)
    {
        Assert.Null(AppIdValidator.Validate(appId, "UAF-DEREG-01"));
    }

    [Theory]
    [InlineData("http://uaf.example.com/facets")]
    [InlineData("android:apk-key-hash:abc")]
    [InlineData("uaf.example.com/facets")]
    public void Fails_With1498_WhenAppIdIsNotHttps(string appId)
    {
        var failure = AppIdValidator.Validate(appId, "UAF-DEREG-01");

        Assert.Equal(UafStatusCode.UnacceptableContent, failure?.Status);
        Assert.Equal("UAF-DEREG-01", failure?.StepId);
    }

    [Fact]
    public void Fails_With1498_WhenAppIdIsLongerThan512Characters()
    {
        var appId = "https://uaf.example.com/" + new string('a', 512 - 24);
        Assert.Null(AppIdValidator.Validate(appId, "S"));
        Assert.NotNull(AppIdValidator.Validate(appId + "a", "S"));
    }
}
