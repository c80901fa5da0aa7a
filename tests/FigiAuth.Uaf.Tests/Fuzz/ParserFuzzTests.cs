using FigiAuth.Uaf.Tests.Support;
using FigiAuth.Uaf.Tlv;

namespace FigiAuth.Uaf.Tests.Fuzz;

/// <summary>
/// Issue requirement: the TLV reader and the assertion parsers take random and mutated inputs (seeded,
/// see <see cref="FuzzRun"/>) and throw nothing but <see cref="UafFormatException"/>, allocating at most
/// <see cref="FuzzCounts.PerInputByte"/> × input length + <see cref="FuzzCounts.FixedBytes"/> (docs/fuzzing.md).
/// </summary>
public sealed class ParserFuzzTests
{
    private static readonly UafSeedCeremonies Seeds = FuzzCounts.Seeds;

    [Fact]
    public void TlvReader_WalksRandomAndMutatedInputs_WithOnlyFormatFailures_AllocatingOnlyToReject()
    {
        var random = FuzzRun.RandomFor("tlv");
        var mutator = new TlvMutator(random);
        var assertions = Seeds.Assertions;
        // The reader allocates nothing; a rejected input costs its exception, whose stack trace grows
        // with the depth of this recursive walk (at most one frame per 4 input bytes).
        var bound = new AllocationBound(FuzzCounts.TlvWalkPerInputByte, FuzzCounts.FixedBytes);
        var ran = FuzzRun.Run("tlv", FuzzCounts.Tlv, i => (i % 10) switch
            {
                < 3 => mutator.RandomBytes(600),
                3 => mutator.NestingBomb(random.Next(1, 1000), []),
                _ => mutator.Mutate(assertions[i % assertions.Count]),
            },
            input => UafFuzzTargets.WalkTlv(input), FuzzRun.FormatFailure, FuzzRun.Base64, bound);
        Report("tlv", ran, bound);
        Assert.Equal(FuzzCounts.Tlv, ran);
    }

    [Fact]
    public void RegistrationAssertionReader_TakesRandomAndMutatedInputs_WithOnlyFormatFailures_AndBoundedAllocation()
    {
        var random = FuzzRun.RandomFor("reg-assertion");
        var mutator = new TlvMutator(random);
        var bound = new AllocationBound(FuzzCounts.PerInputByte, FuzzCounts.FixedBytes);
        var ran = FuzzRun.Run("reg-assertion", FuzzCounts.RegistrationAssertion, i => (i % 10) switch
            {
                0 => mutator.RandomBytes(600),
                < 5 => mutator.Mutate(Seeds.SurrogateAssertion),
                _ => mutator.Mutate(Seeds.BasicFullAssertion),
            },
            input => UafFuzzTargets.RegistrationAssertion(input), FuzzRun.FormatFailure, FuzzRun.Base64, bound);
        Report("reg-assertion", ran, bound);
        Assert.Equal(FuzzCounts.RegistrationAssertion, ran);
    }

    [Fact]
    public void AuthenticationAssertionReader_TakesRandomAndMutatedInputs_WithOnlyFormatFailures_AndBoundedAllocation()
    {
        var random = FuzzRun.RandomFor("auth-assertion");
        var mutator = new TlvMutator(random);
        var bound = new AllocationBound(FuzzCounts.PerInputByte, FuzzCounts.FixedBytes);
        var ran = FuzzRun.Run("auth-assertion", FuzzCounts.AuthenticationAssertion, i => i % 10 == 0
                ? mutator.RandomBytes(600)
                : mutator.Mutate(Seeds.AuthenticationAssertion),
            input => UafFuzzTargets.AuthenticationAssertion(input), FuzzRun.FormatFailure, FuzzRun.Base64, bound);
        Report("auth-assertion", ran, bound);
        Assert.Equal(FuzzCounts.AuthenticationAssertion, ran);
    }

    [Fact]
    public void ValidAssertions_ParseWithinTheSameBound()
    {
        var bound = new AllocationBound(FuzzCounts.PerInputByte, FuzzCounts.FixedBytes);
        foreach (var (name, input, parse) in new (string, byte[], Action<byte[]>)[]
        {
            ("surrogate", Seeds.SurrogateAssertion, b => UafFuzzTargets.RegistrationAssertion(b)),
            ("basic full", Seeds.BasicFullAssertion, b => UafFuzzTargets.RegistrationAssertion(b)),
            ("auth", Seeds.AuthenticationAssertion, b => UafFuzzTargets.AuthenticationAssertion(b)),
        })
        {
            parse(input); // warm up
            FuzzRun.Run(name, 1, _ => input, parse, FuzzRun.Nothing, FuzzRun.Base64, bound);
        }
        Report("valid", 3, bound);
    }

    /// <summary>
    /// The costliest input per byte we know: an assertion padded with minimal non-critical extensions
    /// (9 bytes each: a header, an EXTENSION_ID header and a 1-byte id), each of which becomes an
    /// object, a string and a list slot. This input, not a random one, sets the bound.
    /// </summary>
    [Theory]
    [InlineData(UafTlvKind.Registration, 1), InlineData(UafTlvKind.Registration, 400)]
    [InlineData(UafTlvKind.Authentication, 1), InlineData(UafTlvKind.Authentication, 400)]
    public void ExtensionFlood_IsTheWorstCase_AndStaysWithinTheBound(UafTlvKind kind, int extensions)
    {
        var minimal = TestTlv.Composite(UafTag.ExtensionNonCritical, TestTlv.Element(UafTag.ExtensionId, "x"u8));
        var valid = kind == UafTlvKind.Registration ? Seeds.SurrogateAssertion : Seeds.AuthenticationAssertion;
        var children = valid.AsSpan(4).ToArray();
        var flood = TestTlv.Composite(kind == UafTlvKind.Registration ? UafTag.UafV1RegAssertion : UafTag.UafV1AuthAssertion,
            [children, .. Enumerable.Repeat(minimal, extensions)]);
        Action<byte[]> parse = kind == UafTlvKind.Registration ? b => UafFuzzTargets.RegistrationAssertion(b) : b => UafFuzzTargets.AuthenticationAssertion(b);
        parse(flood); // warm up
        var bound = new AllocationBound(FuzzCounts.PerInputByte, FuzzCounts.FixedBytes);
        FuzzRun.Run($"{kind} + {extensions} extensions", 1, _ => flood, parse, FuzzRun.Nothing, FuzzRun.Base64, bound);
        Report($"{kind} + {extensions} extensions ({flood.Length} B)", 1, bound);
    }

    public enum UafTlvKind { Registration, Authentication }

    internal static void Report(string target, int ran, AllocationBound? bound) =>
        TestContext.Current.TestOutputHelper?.WriteLine($"{target}: {ran} inputs, seed {FuzzRun.Seed}{(bound is null ? "" : "; " + bound)}");
}
