using FigiAuth.Uaf.Messages;
using FigiAuth.Uaf.Tests.Support;
using FigiAuth.Uaf.Verification;

namespace FigiAuth.Uaf.Tests.Registration;

public sealed class ServerDataProtectorTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly ServerDataProtector _protector = new(Enumerable.Range(0, 32).Select(i => (byte)i).ToArray());

    [Fact]
    public void Succeeds_ForItsOwnServerData()
    {
        var serverData = _protector.Protect(UafOperation.Auth, "challenge-1", "alice", Now.AddMinutes(5));
        var claims = Expect.Success(_protector.Unprotect(serverData, UafOperation.Auth, Now, UafSteps.Auth03));
        Assert.Equal(("challenge-1", "alice", Now.AddMinutes(5)), (claims.Challenge, claims.Username, claims.ExpiresAt));
    }

    [Fact]
    public void Fails_With1491_WhenMintedForAnotherOperation()
    {
        var serverData = _protector.Protect(UafOperation.Reg, "c", "alice", Now.AddMinutes(5));
        Expect.Failure(_protector.Unprotect(serverData, UafOperation.Auth, Now, UafSteps.Auth03), UafStatusCode.RequestInvalid, UafSteps.Auth03);
    }

    [Fact]
    public void Fails_With1491_WhenMintedWithAnotherKey()
    {
        var serverData = new ServerDataProtector(new byte[32]).Protect(UafOperation.Reg, "c", "alice", Now.AddMinutes(5));
        Expect.Failure(_protector.Unprotect(serverData, UafOperation.Reg, Now, UafSteps.Reg03), UafStatusCode.RequestInvalid, UafSteps.Reg03);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("AAAA")]
    [InlineData("not base64url!")]
    public void Fails_With1491_WhenServerDataIsGarbage(string? serverData)
    {
        Expect.Failure(_protector.Unprotect(serverData, UafOperation.Reg, Now, UafSteps.Reg03), UafStatusCode.RequestInvalid, UafSteps.Reg03);
    }

    [Fact]
    public void Fails_When_KeyIsShorterThan32Bytes()
    {
        Assert.Throws<ArgumentException>(() => new ServerDataProtector(new byte[16]));
    }
}
