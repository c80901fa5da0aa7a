namespace FigiAuth.Uaf.Tests.Fuzz;

/// <summary>Inputs per target in one CI run (times FIGIAUTH_FUZZ_SCALE), and the allocation bound of the parsers.</summary>
public static class FuzzCounts
{
    public static int Tlv => 40_000 * FuzzRun.Scale;
    public static int RegistrationAssertion => 20_000 * FuzzRun.Scale;
    public static int AuthenticationAssertion => 20_000 * FuzzRun.Scale;
    public static int Message => 16_000 * FuzzRun.Scale;
    public static int RegistrationVerifier => 2_000 * FuzzRun.Scale;
    public static int AuthenticationVerifier => 2_000 * FuzzRun.Scale;

    /// <summary>Allocation bound: PerInputByte × input length + FixedBytes (docs/fuzzing.md says why).</summary>
    public const int PerInputByte = 16;
    public const int FixedBytes = 4096;

    /// <summary>The recursive TLV walk allocates only a rejection's exception, whose stack trace grows with the depth.</summary>
    public const int TlvWalkPerInputByte = 64;

    /// <summary>One set of valid ceremonies for every fuzz test (made once: key and certificate generation cost).</summary>
    public static UafSeedCeremonies Seeds { get; } = new();
}
