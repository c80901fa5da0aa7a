using FigiAuth.Uaf.Encoding;

// Not "...Tests.Encoding": that namespace would hide System.Text.Encoding and FigiAuth.Uaf.Encoding in every test.
namespace FigiAuth.Uaf.Tests.Encodings;

public sealed class StrictBase64UrlTests
{
    const string WholeAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    [Fact]
    public void Succeeds_ForEveryCharacterOfTheAlphabet()
    {
        Assert.True(StrictBase64Url.TryDecode(WholeAlphabet, out var bytes));
        Assert.Equal(WholeAlphabet, StrictBase64Url.Encode(bytes));
    }

    [Theory]
    [InlineData("AAAA==")] // padding
    [InlineData("AA+A")] // base64, not base64url
    [InlineData("AA/A")]
    [InlineData("AA A")] // white space
    [InlineData("AA\nA")]
    [InlineData("AAÀA")] // outside ASCII
    [InlineData("AA\0A")]
    [InlineData("AAAAA")] // 4n+1 characters decode to nothing
    public void Fails_ForAnythingOutsideTheAlphabetOrAnImpossibleLength(string text)
    {
        Assert.False(StrictBase64Url.TryDecode(text, out _));
        Assert.Throws<UafFormatException>(() => StrictBase64Url.Decode(text, "UAF-TEST", "field"));
    }

    [Fact]
    public void Fails_ForNull()
    {
        Assert.False(StrictBase64Url.TryDecode(null, out _));
    }
}
