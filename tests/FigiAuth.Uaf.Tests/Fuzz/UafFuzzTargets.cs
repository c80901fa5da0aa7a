using System.Text.Json;
using FigiAuth.Uaf.Assertions;
using FigiAuth.Uaf.Authentication;
using FigiAuth.Uaf.Messages;
using FigiAuth.Uaf.Registration;
using FigiAuth.Uaf.Tlv;

namespace FigiAuth.Uaf.Tests.Fuzz;

/// <summary>
/// What each fuzz target runs on one input. A parser may throw <see cref="UafFormatException"/> only;
/// any other exception escapes to the caller (the xunit fuzz tests fail, the SharpFuzz harness crashes).
/// Verifiers may throw nothing at all. Shared with fuzz/FigiAuth.Uaf.Fuzz.
/// </summary>
public static class UafFuzzTargets
{
    /// <summary>Walks every element of a TLV sequence, descending into composites; returns the element count.</summary>
    public static int WalkTlv(ReadOnlySpan<byte> data)
    {
        var reader = new UafTlvReader(data, "FUZZ");
        var count = 0;
        while (!reader.End)
        {
            var element = reader.Read();
            count++;
            if (element.IsComposite)
                count += WalkTlv(element.Value);
        }
        return count;
    }

    public static void RegistrationAssertion(ReadOnlySpan<byte> data) => RegistrationAssertionReader.Read(data);

    public static void AuthenticationAssertion(ReadOnlySpan<byte> data) => AuthenticationAssertionReader.Read(data);

    /// <summary>
    /// Every message reader on one string: the response, request and fcParams readers (format failures
    /// allowed), <see cref="UafMessageReader.PeekResponseOperation"/> (no exception at all), and the
    /// /get and /respond bodies, whose JSON the host binds before the core sees <c>uafResponse</c>
    /// (System.Text.Json's <see cref="JsonException"/> is the binder's typed failure there).
    /// </summary>
    public static void Message(string text)
    {
        _ = UafMessageReader.PeekResponseOperation(text);
        Parse(() => UafMessageReader.ReadRegistrationResponse(text));
        Parse(() => UafMessageReader.ReadAuthenticationResponse(text));
        Parse(() => UafMessageReader.ReadAuthenticationResponse(text, new UafMessageReaderOptions { AcceptUpv10 = true }));
        Parse(() => UafMessageReader.ReadRegistrationRequest(text));
        Parse(() => UafMessageReader.ReadAuthenticationRequest(text));
        Parse(() => UafMessageReader.ReadDeregistrationRequest(text));
        Parse(() => UafMessageReader.ReadFinalChallengeParams(System.Text.Encoding.UTF8.GetBytes(text), "FUZZ"));
        if (Body(text, UafJsonContext.Default.SendUafResponse) is { UafResponse: { } uafResponse })
        {
            _ = UafMessageReader.PeekResponseOperation(uafResponse);
            Parse(() => UafMessageReader.ReadAuthenticationResponse(uafResponse));
        }
        _ = Body(text, UafJsonContext.Default.GetUafRequest);
    }

    /// <summary>The registration verifier: a result for every input, never an exception.</summary>
    public static UafResult<RegistrationOutcome> RegistrationVerifier(string response, UafSeedCeremonies seeds) =>
        Uaf.Registration.RegistrationVerifier.VerifyAsync(response, seeds.RegistrationContext()).GetAwaiter().GetResult();

    /// <summary>The authentication verifier: a result for every input, never an exception.</summary>
    public static UafResult<AuthenticationOutcome> AuthenticationVerifier(string response, AuthenticationVerificationContext context) =>
        Uaf.Authentication.AuthenticationVerifier.VerifyAsync(response, context).GetAwaiter().GetResult().Result;

    /// <summary>Runs <paramref name="parse"/>; a format failure is an expected outcome.</summary>
    public static void Parse(Action parse)
    {
        try
        {
            parse();
        }
        catch (UafFormatException)
        {
        }
    }

    private static T? Body<T>(string text, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type) where T : class
    {
        try
        {
            return JsonSerializer.Deserialize(text, type);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
