using FigiAuth.Testing.Support;
using System.Text.Json;

namespace FigiAuth.Samples.Phone.Tests;

public sealed class PhoneCliTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("figiauth-phone-").FullName;

    [Fact]
    public async Task Help_ListsTheCommands()
    {
        var result = await PhoneProcess.RunAsync(["--help"]);

        Assert.Equal(0, result.ExitCode);
        foreach (var command in new[] { "enroll", "login", "pay", "approve", "keys", "dereg", "dev-ca", "--server", "--pin" })
            Assert.Contains(command, result.Stdout);
    }

    [Fact]
    public async Task UnknownCommand_ExitsWithUsage()
    {
        var result = await PhoneProcess.RunAsync(["frobnicate"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("frobnicate", result.Stderr);
    }

    [Fact]
    public async Task Keys_OnAnEmptyStore_SaysSo()
    {
        var store = Path.Combine(_folder, "keys.bin");

        var result = await PhoneProcess.RunAsync(["keys", "--store", store]);
        var json = await PhoneProcess.RunAsync(["keys", "--store", store, "--json"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("No keys", result.Stdout);
        Assert.Equal(0, JsonDocument.Parse(json.Stdout).RootElement.GetProperty("keys").GetArrayLength());
    }

    [Fact]
    public async Task DevCa_WritesTheRootAndAMetadataStatementPerProfile()
    {
        var output = Path.Combine(_folder, "attestation");

        var result = await PhoneProcess.RunAsync(["dev-ca", "--out", output]);

        Assert.Equal(0, result.ExitCode);
        Assert.True(File.Exists(Path.Combine(output, "root.crt.pem")));
        Assert.True(File.Exists(Path.Combine(output, "attestation", "F1D0-0001.crt.pem")));
        var metadata = Directory.GetFiles(Path.Combine(output, "metadata"), "*.json");
        Assert.Equal(13, metadata.Length);
        var p256 = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "metadata", "F1D0-0001.json"))).RootElement;
        Assert.Equal("F1D0#0001", p256.GetProperty("aaid").GetString());
        Assert.Equal("secp256r1_ecdsa_sha256_raw", p256.GetProperty("authenticationAlgorithms")[0].GetString());
        Assert.Equal("basic_full", p256.GetProperty("attestationTypes")[0].GetString());
        Assert.Equal(1, p256.GetProperty("attestationRootCertificates").GetArrayLength());
        var surrogate = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "metadata", "F1D0-0101.json"))).RootElement;
        Assert.Equal(0, surrogate.GetProperty("attestationRootCertificates").GetArrayLength());
    }

    [Fact]
    public async Task Enroll_AgainstAClosedPort_ExitsWithNetworkError()
    {
        using var closed = ClosedPort.Hold();
        var port = closed.Port;

        var result = await PhoneProcess.RunAsync(
            ["enroll", "--user", "alice", "--pin", "2468", "--store", Path.Combine(_folder, "keys.bin"), "--server", $"http://127.0.0.1:{port}"]);

        Assert.Equal(5, result.ExitCode);
        Assert.Contains($"cannot reach http://127.0.0.1:{port}", result.Stderr);
    }

    [Fact]
    public async Task Enroll_WithoutAPin_WhenNotInteractive_ExitsWithUsage()
    {
        var result = await PhoneProcess.RunAsync(["enroll", "--user", "alice", "--store", Path.Combine(_folder, "keys.bin")]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("PIN", result.Stderr);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
