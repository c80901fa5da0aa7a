using FigiAuth.Uaf.Authentication;

namespace FigiAuth.Uaf.Tests.Support;

/// <summary>Asserts status and step ID of a failure (never the detail text).</summary>
public static class Expect
{
    public static void Failure<T>(UafResult<T> result, UafStatusCode status, string stepId)
    {
        Assert.False(result.Succeeded, $"expected {stepId} {(int)status}, but the result succeeded");
        Assert.Equal((stepId, status), (result.Failure.StepId, result.Failure.Status));
    }

    public static void Failure(AuthenticationVerification result, UafStatusCode status, string stepId) =>
        Failure(result.Result, status, stepId);

    public static void Failure(Action parse, UafStatusCode status, string stepId)
    {
        var e = Assert.Throws<UafFormatException>(parse);
        Assert.Equal((stepId, status), (e.StepId, e.Status));
    }

    public static AuthenticationOutcome Success(AuthenticationVerification result) => Success(result.Result);

    public static T Success<T>(UafResult<T> result)
    {
        Assert.True(result.Succeeded, result.Failure?.ToString());
        return result.Value;
    }
}
