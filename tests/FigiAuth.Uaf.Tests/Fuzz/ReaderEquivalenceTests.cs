using System.Text.Json;
using FigiAuth.Uaf.Messages;
using FigiAuth.Uaf.Verification;

namespace FigiAuth.Uaf.Tests.Fuzz;

/// <summary>
/// The hand-written readers of <see cref="UafMessageReader"/> (the envelope pass and fcParams) accept
/// exactly what the general-purpose readers they replaced accept: <see cref="JsonDocument"/> with
/// depth 16 and no duplicate members for the envelope, the source-generated serializer for fcParams.
/// Random and mutated inputs, compared one by one.
/// </summary>
public sealed class ReaderEquivalenceTests
{
    private const int Count = 10_000;

    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 16, AllowDuplicateProperties = false };

    [Fact]
    public void EnvelopeJsonCheck_AcceptsExactlyWhatJsonDocumentAccepts()
    {
        var random = new Random(20261128);
        var json = new JsonMutator(random, new TlvMutator(random));
        var messages = FuzzCounts.Seeds.Messages;
        for (var i = 0; i < Count; i++)
        {
            var text = i % 10 == 0 ? json.RandomText(300) : json.Mutate(messages[i % messages.Count]);
            if (text.Length == 0 || text.Length > UafMessageReaderOptions.Strict.MaxMessageLength)
                continue; // refused before any parsing
            var documentAccepts = Accepts(() => JsonDocument.Parse(text, DocumentOptions).Dispose());
            var peeked = Peek(text);
            var notJson = !peeked.Succeeded && peeked.Failure.Detail.StartsWith("message is not JSON", StringComparison.Ordinal);
            Assert.True(documentAccepts != notJson, $"input #{i}: JsonDocument {(documentAccepts ? "accepts" : "refuses")}: {text[..Math.Min(text.Length, 400)]}");
        }
    }

    [Fact]
    public void FinalChallengeParams_AcceptsExactlyWhatTheSerializerAccepts()
    {
        var random = new Random(20261129);
        var json = new JsonMutator(random, new TlvMutator(random));
        string[] seeds =
        [
            """{"appID":"https://a.example","challenge":"AAAAAAAAAAAAAAAAAAAAAA","facetID":"https://a.example","channelBinding":{}}""",
            """{"facetID":"f","channelBinding":{"serverEndPoint":"AQID","tlsServerCertificate":"AQID","tlsUnique":null,"cid_pubkey":"x"},"challenge":"AAAAAAAAAAA","appID":"a","other":[1,{"a":2}]}""",
        ];
        for (var i = 0; i < Count; i++)
        {
            var text = i % 10 == 0 ? json.RandomText(200) : json.Mutate(seeds[i % seeds.Length]);
            var bytes = System.Text.Encoding.UTF8.GetBytes(text);
            FinalChallengeParams? expected = null;
            var serializerAccepts = Accepts(() => expected = JsonSerializer.Deserialize(bytes, UafJsonContext.Default.FinalChallengeParams));
            FinalChallengeParams? actual = null;
            string? refusal = null;
            try
            {
                actual = UafMessageReader.ReadFinalChallengeParams(bytes, UafSteps.Auth04);
            }
            catch (UafFormatException e)
            {
                refusal = e.Message;
            }
            if (serializerAccepts && expected is not null)
            {
                // The reader also applies the length and challenge checks the serializer does not know.
                if (actual is not null)
                    Assert.Equal(expected, actual);
                else
                    Assert.False(refusal!.StartsWith("fcParams is not a FinalChallengeParams object", StringComparison.Ordinal), $"input #{i}: {refusal}: {text}");
            }
            else
            {
                Assert.True(actual is null, $"input #{i}: the serializer refuses (or reads null) but the reader accepts: {text}");
            }
        }
    }

    [Fact]
    public void AuthenticationResponseDictionary_ReadsExactlyWhatTheSerializerReads()
    {
        var random = new Random(20261130);
        var json = new JsonMutator(random, new TlvMutator(random));
        var messages = FuzzCounts.Seeds.Messages;
        int compared = 0, read = 0;
        for (var i = 0; i < Count; i++)
        {
            var text = json.Mutate(messages[i % messages.Count]);
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(text, DocumentOptions);
            }
            catch (Exception e) when (UafMessageReader.IsParseException(e))
            {
                continue; // the envelope pass refuses it before any dictionary is read
            }
            using (document)
            {
                if (document.RootElement.ValueKind != JsonValueKind.Array)
                    continue;
                foreach (var item in document.RootElement.EnumerateArray())
                {
                    var bytes = System.Text.Encoding.UTF8.GetBytes(item.GetRawText());
                    AuthenticationResponse? expected = null, actual = null;
                    var serializerAccepts = Accepts(() => expected = JsonSerializer.Deserialize(bytes, UafJsonContext.Default.AuthenticationResponse));
                    var readerAccepts = Accepts(() => actual = UafMessageReader.ParseAuthenticationResponse(bytes));
                    Assert.True(serializerAccepts == readerAccepts, $"input #{i}: serializer {serializerAccepts}, reader {readerAccepts}: {item.GetRawText()[..Math.Min(400, item.GetRawText().Length)]}");
                    if (serializerAccepts)
                    {
                        Assert.Equal(
                            JsonSerializer.Serialize(expected, UafJsonContext.Default.AuthenticationResponse!),
                            JsonSerializer.Serialize(actual, UafJsonContext.Default.AuthenticationResponse!));
                        read++;
                    }
                    compared++;
                }
            }
        }
        // Most mutations break the message; enough survive to compare both ways.
        Assert.True(compared > Count / 5 && read > 100, $"only {compared} dictionaries compared, {read} read");
    }

    private static UafResult<UafOperation> Peek(string text) => UafMessageReader.PeekResponseOperation(text);

    private static bool Accepts(Action action)
    {
        try
        {
            action();
            return true;
        }
        catch (Exception e) when (UafMessageReader.IsParseException(e))
        {
            return false;
        }
    }
}
