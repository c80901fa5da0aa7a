namespace FigiAuth.Uaf.Tests.Fuzz;

/// <summary>
/// The JSON readers (responses, requests, fcParams, PeekResponseOperation, /get and /respond bodies)
/// take random and mutated messages and throw nothing but <see cref="UafFormatException"/>.
/// </summary>
public sealed class MessageFuzzTests
{
    [Fact]
    public void MessageReaders_TakeRandomAndMutatedMessages_WithOnlyFormatFailures()
    {
        var random = FuzzRun.RandomFor("message");
        var json = new JsonMutator(random, new TlvMutator(random));
        var messages = FuzzCounts.Seeds.Messages;
        var ran = FuzzRun.Run("message", FuzzCounts.Message, i => i % 10 == 0
                ? json.RandomText(300)
                : json.Mutate(messages[i % messages.Count]),
            UafFuzzTargets.Message, FuzzRun.FormatFailure, FuzzRun.Base64);
        ParserFuzzTests.Report("message", ran, null);
        Assert.Equal(FuzzCounts.Message, ran);
    }
}
