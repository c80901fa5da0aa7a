using FigiAuth.Testing.Support;

namespace FigiAuth.Samples.Phone.Tests;

/// <summary>
/// Whatever goes wrong (server unreachable, refusing, answering garbage; local files missing or damaged), the phone
/// prints one line on stderr and exits non-zero: 1 client-side failure, 3 server refused, 5 network.
/// </summary>
public sealed class PhoneBadInputTests : IDisposable
{
    private readonly PhoneFiles _files = new();
    private readonly FakeFigiAuth _server = new();

    [Fact]
    public async Task Login_RefusedAtGet_PrintsTheCodeAndTheServersDescription()
    {
        await _files.WithEmptyStoreAsync();
        _server.Answer("/uaf/v1/get", 200, """{"statusCode":1401,"description":"user not enrolled"}""", "application/fido+uaf");

        var result = await PhoneProcess.RunAsync(_files.Args(_server.Origin, "login", "--user", "amina"));

        AssertOneLineError(result, 3,
            "server refused: UAF status 1401 (unauthorized: sign in first, or the key does not belong to this user): user not enrolled");
    }

    [Fact]
    public async Task Login_ServerError_PrintsTheHttpStatus()
    {
        await _files.WithEmptyStoreAsync();
        _server.Answer("/uaf/v1/get", 500, "<html><body>Internal Server Error</body></html>", "text/html");

        var result = await PhoneProcess.RunAsync(_files.Args(_server.Origin, "login", "--user", "amina"));

        AssertOneLineError(result, 3, "server answered HTTP 500 InternalServerError");
    }

    [Fact]
    public async Task Login_AnswerThatIsNotJson_IsAProtocolError()
    {
        await _files.WithEmptyStoreAsync();
        _server.Answer("/uaf/v1/get", 200, "<html>hello</html>", "text/html");

        var result = await PhoneProcess.RunAsync(_files.Args(_server.Origin, "login", "--user", "amina"));

        AssertOneLineError(result, 1, null);
        Assert.StartsWith("error: the server's answer is not a valid ReturnUafRequest: ", result.Stderr);
        Assert.EndsWith("(ProtocolError)", result.Stderr.TrimEnd());
    }

    [Fact]
    public async Task Login_WithoutAKeyStore_SaysSo_AndAsksTheServerNothing()
    {
        var result = await PhoneProcess.RunAsync(_files.Args(_server.Origin, "login", "--user", "amina"));

        AssertOneLineError(result, 1, $"no key store at {_files.Store}: run `enroll --user amina` first, or pass the right --store");
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task Login_WithADamagedKeyStore_SaysSo()
    {
        File.WriteAllText(_files.Store, "not a key store");

        var result = await PhoneProcess.RunAsync(_files.Args(_server.Origin, "login", "--user", "amina"));

        AssertOneLineError(result, 1, $"{_files.Store} is not a FigiAuth key store");
    }

    [Fact]
    public async Task Approve_WithADamagedTokenFile_SaysSo()
    {
        File.WriteAllText(_files.Token, "{not json");

        var result = await PhoneProcess.RunAsync(_files.Args(_server.Origin, "approve", "--user", "amina"));

        AssertOneLineError(result, 1, $"{_files.Token} is not a token file this tool wrote: delete it and run `login` again");
    }

    [Fact]
    public async Task Approve_ServerUnreachable_IsANetworkError()
    {
        using var closed = ClosedPort.Hold();
        var origin = $"http://127.0.0.1:{closed.Port}";
        _files.WithToken(origin, "amina", "token");

        var result = await PhoneProcess.RunAsync(_files.Args(origin, "approve", "--user", "amina"));

        Assert.Equal(5, result.ExitCode);
        Assert.StartsWith($"error: cannot reach {origin}/: ", result.Stderr);
        AssertOneLineError(result, 5, null);
    }

    [Fact]
    public async Task Approve_PendingListThatIsNotJson_IsAProtocolError()
    {
        _files.WithToken(_server.Origin, "amina", "token");
        _server.Answer("/confirmations/v1/pending", 200, "[{\"id\":", "application/json");

        var result = await PhoneProcess.RunAsync(_files.Args(_server.Origin, "approve", "--user", "amina"));

        AssertOneLineError(result, 1, null);
        Assert.StartsWith("error: the server's answer is not a valid PendingConfirmation[]: ", result.Stderr);
    }

    [Fact]
    public async Task Approve_ServerError_SaysTheServerDoesNotOfferIt()
    {
        _files.WithToken(_server.Origin, "amina", "token");
        _server.Answer("/confirmations/v1/pending", 500, "oops", "text/plain");

        var result = await PhoneProcess.RunAsync(_files.Args(_server.Origin, "approve", "--user", "amina"));

        AssertOneLineError(result, 3, "this server does not offer pending confirmations (GET /confirmations/v1/pending answered 500)");
    }

    /// <summary>Exactly one line on stderr (<c>error: {message}</c> when given), nothing like a stack trace.</summary>
    internal static void AssertOneLineError(DotnetProcess.Result result, int exitCode, string? message)
    {
        Assert.True(exitCode == result.ExitCode, result.Transcript);
        var lines = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.True(lines.Length == 1, result.Transcript);
        Assert.DoesNotContain("   at ", result.Stderr + result.Stdout);
        if (message is not null)
            Assert.Equal($"error: {message}", lines[0]);
    }

    public void Dispose()
    {
        _server.Dispose();
        _files.Dispose();
    }
}
