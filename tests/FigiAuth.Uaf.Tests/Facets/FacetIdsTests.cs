using FigiAuth.Uaf.Facets;

namespace FigiAuth.Uaf.Tests.Facets;

public sealed class FacetIdsTests
{
    [Theory]
    [InlineData("https://login.mycorp.com/", "https://login.mycorp.com")]
    [InlineData("https://login.mycorp.com", "https://login.mycorp.com")]
    [InlineData("HTTPS://Login.MyCorp.com:443/path?q=1#f", "https://login.mycorp.com")]
    [InlineData("https://user:pw@uaf.example.com:8443/index.html", "https://uaf.example.com:8443")]
    [InlineData("https://test-adapter.noknoktest.com/MGT/webapi/tool/native", "https://test-adapter.noknoktest.com")]
    [InlineData("android:apk-key-hash:Df+2X53Z0UscvUu6obxC3rIfFyk=", "android:apk-key-hash:Df+2X53Z0UscvUu6obxC3rIfFyk")]
    [InlineData("ios:bundle-id:com.example.app", "ios:bundle-id:com.example.app")]
    [InlineData("http://www.example.com/", "http://www.example.com/")]
    public void Succeeds_ForNormalizedFacetForms(string facetId, string expected)
    {
        Assert.Equal(expected, FacetIds.Normalize(facetId));
    }

    [Theory]
    [InlineData("https://uaf.example.com/index.html", "https://uaf.example.com", true)]
    [InlineData("https://uaf.example.com", "https://uaf.example.com/", true)]
    [InlineData("https://uaf.example.com:444", "https://uaf.example.com", false)]
    [InlineData("https://evil.example.com", "https://uaf.example.com", false)]
    [InlineData("https://uaf.example.com.evil.net", "https://uaf.example.com", false)]
    [InlineData("android:apk-key-hash:bE0f1WtRJrZv/C0y9CM73bAUqiI", "android:apk-key-hash:bE0f1WtRJrZv/C0y9CM73bAUqiI=", true)]
    [InlineData("android:apk-key-hash:bE0f1WtRJrZv/C0y9CM73bAUqiI=", "android:apk-key-hash:bE0f1WtRJrZv/C0y9CM73bAUqiI", true)]
    [InlineData("android:apk-key-hash:be0f1WtRJrZv/C0y9CM73bAUqiI", "android:apk-key-hash:bE0f1WtRJrZv/C0y9CM73bAUqiI", false)]
    [InlineData("ios:bundle-id:com.example.App", "ios:bundle-id:com.example.app", false)]
    [InlineData("https://*.example.com", "https://uaf.example.com", false)]
    public void Succeeds_ForTrustedListComparisonOfNormalizedForms(string facetId, string trusted, bool expected)
    {
        Assert.Equal(expected, FacetIds.IsTrusted(facetId, [trusted]));
    }

    [Theory]
    [InlineData("https://www.example.com", "https://www.example.com/appID", true)]
    [InlineData("https://www.example.com:8443/x", "https://www.example.com/appID", true)]
    [InlineData("https://other.example.com", "https://www.example.com/appID", false)]
    [InlineData("android:apk-key-hash:abc", "android:apk-key-hash:abc", true)]
    [InlineData("android:apk-key-hash:abc", "https://www.example.com/appID", false)]
    [InlineData("https://www.example.com", null, false)]
    public void Succeeds_ForSameHostAndNonHttpsAppIdRules(string facetId, string? appId, bool expected)
    {
        Assert.Equal(expected, FacetIds.IsTrustedForAppId(facetId, appId, []));
    }
}
