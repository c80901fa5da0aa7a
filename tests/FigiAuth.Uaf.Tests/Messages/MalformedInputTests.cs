using FigiAuth.Uaf.Tests.Support;

namespace FigiAuth.Uaf.Tests.Messages;

/// <summary>Public verifiers answer every malformed input with a UafFailure, never an exception.</summary>
public sealed class MalformedInputTests
{
    [Fact]
    public async Task Succeeds_ForReturningAFailure_OnEveryMutatedRegistrationResponse()
    {
        var random = new Random(1277);
        for (var i = 0; i < 150; i++)
        {
            var test = new RegistrationScenario { Wire = s => Mutate(s, random) };
            var result = await test.RunAsync();
            Assert.True(result.Succeeded || result.Failure.StepId.StartsWith("UAF-REG-", StringComparison.Ordinal), result.Failure?.ToString());
        }
    }

    [Fact]
    public async Task Succeeds_ForReturningAFailure_OnEveryMutatedAuthenticationAssertion()
    {
        var random = new Random(1278);
        for (var i = 0; i < 150; i++)
        {
            var test = new AuthenticationScenario();
            test.Assertions = s =>
            {
                var bytes = test.Authenticator.Sign(s);
                bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                return [random.Next(4) == 0 ? bytes[..random.Next(bytes.Length)] : bytes];
            };
            var result = await test.RunAsync();
            Assert.True(result.Succeeded || result.Failure!.StepId.StartsWith("UAF-AUTH-", StringComparison.Ordinal), result.Failure?.ToString());
        }
    }

    private static string Mutate(string text, Random random)
    {
        const string breakers = "\"{}[],:\\0x\uD800";
        var chars = text.ToCharArray();
        chars[random.Next(chars.Length)] = breakers[random.Next(breakers.Length)];
        return random.Next(3) switch
        {
            0 => text[..random.Next(text.Length)],
            1 => new string(chars),
            _ => text.Insert(random.Next(text.Length), "\"exts\":null,"),
        };
    }
}
