using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace FigiAuth.EndToEnd.Tests;

/// <summary>
/// The issue's journey: the real server process on a temp database and `figiauth-phone` as a process for
/// enroll → login → pay → dereg → login refused; after each step the database and the audit log must agree with
/// what the CLI said, and the audit chain must verify at the end.
/// </summary>
public sealed partial class PhoneJourneyTests(ITestOutputHelper output) : EndToEndTest(output)
{
    const string User = "journey-alice";

    [Fact]
    public Task EnrollLoginPayDereg_TheDatabaseAndTheAuditLogAgreeWithThePhone() => Scenario(async () =>
    {
        await using var server = await StartServerAsync();
        var db = Database();

        // enroll: one registration row with the CLI's AAID and KeyID, audited uaf.reg.ok.
        var enroll = await PhoneAsync(server, "enroll", "--user", User, "--json");
        AssertExit(0, enroll);
        var enrolled = Json(enroll);
        Assert.Equal(1200, enrolled.GetProperty("statusCode").GetInt32());
        var key = Assert.Single(Keys(await PhoneAsync(server, "keys", "--json")));
        Assert.Equal(enrolled.GetProperty("aaid").GetString(), key.GetProperty("aaid").GetString());
        Assert.Equal(enrolled.GetProperty("keyId").GetString(), key.GetProperty("keyId").GetString());
        var row = Assert.Single(db.RegistrationsOf(User));
        Assert.Equal(key.GetProperty("aaid").GetString(), row.Aaid);
        Assert.Equal(key.GetProperty("keyId").GetString(), row.KeyId);
        var registered = Assert.Single(db.AuditOf(User), e => e.Type == "uaf.reg.ok");
        Assert.Equal(1200, registered.StatusCode);
        Assert.Contains($"{row.Aaid}/{row.KeyId}", registered.Detail.GetProperty("keys").GetString());

        // login: the sign counter advanced (and matches the phone's), audited uaf.auth.ok, the token saved.
        var login = await PhoneAsync(server, "login", "--user", User, "--json");
        AssertExit(0, login);
        var token = Json(login).GetProperty("accessToken").GetString();
        Assert.False(string.IsNullOrEmpty(token));
        var afterLogin = Assert.Single(db.RegistrationsOf(User));
        Assert.True(afterLogin.SignCounter > row.SignCounter, $"sign counter {row.SignCounter} -> {afterLogin.SignCounter}");
        Assert.Equal(afterLogin.SignCounter, Assert.Single(Keys(await PhoneAsync(server, "keys", "--json"))).GetProperty("signCounter").GetInt64());
        var authenticated = Assert.Single(db.AuditOf(User), e => e.Type == "uaf.auth.ok");
        Assert.Equal(afterLogin.SignCounter.ToString(System.Globalization.CultureInfo.InvariantCulture),
            authenticated.Detail.GetProperty("counters").GetString());
        var saved = JsonDocument.Parse(File.ReadAllText(StorePath + ".token.json")).RootElement;
        Assert.Equal(token, saved.GetProperty("accessToken").GetString());
        Assert.Equal(User, saved.GetProperty("user").GetString());

        // pay: the audit event of the confirmation keeps the hash of exactly the text the phone showed.
        var pay = await PhoneAsync(server, "pay", "--user", User, "--to", "Bob", "--amount", "250", "--currency", "kes", "--yes");
        AssertExit(0, pay);
        var shown = ShownTransaction().Match(pay.Stdout);
        Assert.True(shown.Success, $"the phone did not show the transaction:\n{pay.Stdout}");
        var text = shown.Groups["text"].Value;
        Assert.Equal("Pay 250 KES to Bob", text);
        Assert.Contains("Receipt signature: valid", pay.Stdout);
        var confirmed = Assert.Single(db.AuditOf(User), e => e.Type == "uaf.tc.ok");
        Assert.Equal("text/plain", confirmed.Detail.GetProperty("transactionContentType").GetString());
        Assert.Equal(Base64Url(SHA256.HashData(Encoding.UTF8.GetBytes(text))), confirmed.Detail.GetProperty("transactionContentHash").GetString());

        // dereg: the row is gone, audited uaf.dereg, the phone's key store is empty.
        var dereg = await PhoneAsync(server, "dereg", "--user", User, "--json");
        AssertExit(0, dereg);
        Assert.Equal(1, Json(dereg).GetProperty("removed").GetInt32());
        Assert.Empty(db.RegistrationsOf(User));
        var deregistered = Assert.Single(db.AuditOf(User), e => e.Type == "uaf.dereg");
        Assert.Equal("1", deregistered.Detail.GetProperty("deleted").GetString());
        Assert.Contains($"{row.Aaid}/{row.KeyId}", deregistered.Detail.GetProperty("keys").GetString());
        Assert.Empty(Keys(await PhoneAsync(server, "keys", "--json")));

        // login after dereg: refused, non-zero exit, the reason printed (friendly and as JSON).
        var refused = await PhoneAsync(server, "login", "--user", User);
        Assert.NotEqual(0, refused.ExitCode);
        Assert.StartsWith("error: ", refused.Stderr);
        var refusedJson = await PhoneAsync(server, "login", "--user", User, "--json");
        Assert.Equal(refused.ExitCode, refusedJson.ExitCode);
        var error = Json(refusedJson);
        Assert.Equal(refused.ExitCode, error.GetProperty("exitCode").GetInt32());
        Assert.False(string.IsNullOrEmpty(error.GetProperty("error").GetString()));
        Assert.DoesNotContain(db.AuditOf(User), e => e.Type == "uaf.auth.ok" && e.Seq > deregistered.Seq);

        // the audit chain verifies, with the server still running and after it stopped.
        AssertExit(0, await VerifyAuditAsync());
        server.Kill();
        var verified = await VerifyAuditAsync();
        AssertExit(0, verified);
        Assert.Contains("audit chain OK", verified.Stdout);
    });

    static List<JsonElement> Keys(FigiAuth.Testing.Support.DotnetProcess.Result keys)
    {
        AssertExit(0, keys);
        return [.. Json(keys).GetProperty("keys").EnumerateArray()];
    }

    static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [GeneratedRegex(@"^Transaction for [^:]+: (?<text>.+?)  -> approved", RegexOptions.Multiline)]
    private static partial Regex ShownTransaction();
}
