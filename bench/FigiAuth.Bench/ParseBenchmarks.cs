using BenchmarkDotNet.Attributes;
using FigiAuth.Uaf.Assertions;
using FigiAuth.Uaf.Messages;
using FigiAuth.Uaf.Tests.Fuzz;

namespace FigiAuth.Bench;

/// <summary>Goal: TLV parsing allocates nothing beyond the result (the decoded record and its byte[] copies).</summary>
public class ParseBenchmarks
{
    private UafSeedCeremonies _seeds = null!;
    private byte[] _fcParamsJson = null!;

    [GlobalSetup]
    public void Setup()
    {
        _seeds = new UafSeedCeremonies();
        _fcParamsJson = UafMessageReader.ReadAuthenticationResponse(_seeds.AuthenticationResponse).FinalChallengeParamsJson;
    }

    [Benchmark(Description = "UafTlvReader walk, auth assertion")]
    public int TlvWalk() => UafFuzzTargets.WalkTlv(_seeds.AuthenticationAssertion);

    [Benchmark(Description = "RegistrationAssertionReader.Read, basic full")]
    public RegistrationAssertion RegistrationAssertion() => RegistrationAssertionReader.Read(_seeds.BasicFullAssertion);

    [Benchmark(Description = "AuthenticationAssertionReader.Read")]
    public AuthenticationAssertion AuthenticationAssertion() => AuthenticationAssertionReader.Read(_seeds.AuthenticationAssertion);

    [Benchmark(Description = "UafMessageReader.ReadAuthenticationResponse")]
    public UafResponseMessage<AuthenticationResponse> AuthenticationResponse() =>
        UafMessageReader.ReadAuthenticationResponse(_seeds.AuthenticationResponse);

    [Benchmark(Description = "UafMessageReader.ReadFinalChallengeParams")]
    public FinalChallengeParams FinalChallengeParams() =>
        UafMessageReader.ReadFinalChallengeParams(_fcParamsJson, "BENCH");

    [Benchmark(Description = "UafMessageReader.PeekResponseOperation")]
    public bool Peek() => UafMessageReader.PeekResponseOperation(_seeds.AuthenticationResponse).Succeeded;
}
