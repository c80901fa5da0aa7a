using FigiAuth.Uaf.Tests.Support;
using FigiAuth.Uaf.Tlv;

namespace FigiAuth.Uaf.Tests.Tlv;

public sealed class UafTlvReaderTests
{
    [Fact]
    public void Succeeds_ForWriterOutput_RoundTrip()
    {
        var bytes = TestTlv.Composite(UafTag.UafV1Krd, TestTlv.Element(UafTag.KeyId, [1, 2, 3]));
        var element = UafTlvReader.ReadSingle(bytes, UafTag.UafV1Krd, "T");
        var child = element.Children("T").Read();
        Assert.Equal(UafTag.KeyId, child.Tag);
        Assert.Equal([1, 2, 3], child.Value.ToArray());
        Assert.Equal(bytes, element.Raw.ToArray());
    }

    [Fact]
    public void Fails_With1498_WhenTrailingBytesFollowTheTopElement()
    {
        byte[] bytes = [.. TestTlv.Element(UafTag.KeyId, [1]), 0];
        Expect.Failure(() => UafTlvReader.ReadSingle(bytes, UafTag.KeyId, "T"), UafStatusCode.UnacceptableContent, "T");
    }
}
