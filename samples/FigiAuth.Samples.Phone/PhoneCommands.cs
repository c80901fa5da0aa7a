using System.CommandLine;
using System.Net;
using System.Text.Json.Nodes;
using FigiAuth.Client;
using FigiAuth.Client.Authenticators;
using FigiAuth.Client.Development;
using FigiAuth.Client.Http;
using FigiAuth.Client.KeyStore;
using FigiAuth.Client.Receipts;

namespace FigiAuth.Samples.Phone;

/// <summary>The figiauth-phone commands.</summary>
internal static class PhoneCommands
{
    public static IEnumerable<Command> All() => [Enroll(), Login(), Pay(), Approve(), Keys(), Dereg(), DevCa()];

    private static Command Enroll()
    {
        var command = new Command("enroll", "register a new authenticator key for --user");
        command.SetAction((parse, ct) => Run(parse, async session =>
        {
            var user = session.RequireUser();
            var store = await session.OpenStoreAsync(ct, create: true);
            var result = await session.Client(store, onlySelected: true).RegisterAsync(user, ct);
            session.Output.Say($"Enrolled {user} with {result.Aaid} (KeyID {result.KeyId}).");
            session.Output.Result(new JsonObject { ["user"] = user, ["aaid"] = result.Aaid, ["keyId"] = result.KeyId, ["statusCode"] = result.Response.StatusCode });
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Login()
    {
        var command = new Command("login", "authenticate --user and keep the access token for `approve`");
        command.SetAction((parse, ct) => Run(parse, async session =>
        {
            var user = session.RequireUser();
            var store = await session.OpenStoreAsync(ct);
            var result = await session.Client(store, onlySelected: false).AuthenticateAsync(user, ct);
            if (result.AccessToken is { } token)
                session.SaveToken(user, token);
            session.Output.Say($"Signed in as {user} with {result.Aaid}."
                + (result.AccessToken is null ? " (the server sent no access token)" : $" Access token saved to {session.TokenPath}."));
            session.Output.Result(new JsonObject { ["user"] = user, ["aaid"] = result.Aaid, ["keyId"] = result.KeyId, ["accessToken"] = result.AccessToken });
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Pay()
    {
        var to = new Option<string>("--to") { Description = "payee", Required = true };
        var amount = new Option<decimal>("--amount") { Description = "amount", Required = true };
        var currency = new Option<string>("--currency") { Description = "currency code, e.g. KES", Required = true };
        var command = new Command("pay", "confirm a payment in-band: the authenticator shows and signs the transaction text") { to, amount, currency };
        command.SetAction((parse, ct) => Run(parse, async session =>
        {
            var user = session.RequireUser();
            if (parse.GetValue(amount) <= 0)
                throw new UsageException("--amount must be positive");
            var text = $"Pay {parse.GetValue(amount).ToString(System.Globalization.CultureInfo.InvariantCulture)} {parse.GetValue(currency)!.ToUpperInvariant()} to {parse.GetValue(to)}";
            var store = await session.OpenStoreAsync(ct);
            var result = await session.Client(store, onlySelected: false).ConfirmTransactionAsync(user, text, ct);
            var receipt = result.Receipt;
            var verified = receipt is null ? null : await TryVerifyReceiptAsync(session, receipt, ct);
            session.Output.Say($"Confirmed: {text} (signed by {result.Aaid}).");
            if (receipt is not null)
                session.Output.Say($"Receipt: {receipt}\nReceipt signature: {verified}");
            session.Output.Result(new JsonObject { ["user"] = user, ["transaction"] = text, ["aaid"] = result.Aaid, ["receipt"] = receipt, ["receiptCheck"] = verified });
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Approve()
    {
        var id = new Option<string?>("--id") { Description = "the confirmation to answer (omit to list pending ones)" };
        var reject = new Option<bool>("--reject") { Description = "decline the confirmation --id: FigiAuth marks it rejected" };
        var command = new Command("approve", "list the user's pending DFS confirmations and answer one (the authenticator shows it; say no to reject)") { id, reject };
        command.SetAction((parse, ct) => Run(parse, async session =>
        {
            var user = session.RequireUser();
            var token = session.LoadToken(user) ?? throw new UsageException($"no access token for {user} on {session.ServerUri}: run `login` first");
            var confirmationId = parse.GetValue(id);
            if (confirmationId is null)
            {
                if (parse.GetValue(reject))
                    throw new UsageException("--reject needs --id");
                return await ListPendingAsync(session, token, ct);
            }
            if (parse.GetValue(reject))
                return await RejectAsync(session, token, confirmationId, ct);
            var store = await session.OpenStoreAsync(ct);
            UafClientResult result;
            try
            {
                result = await session.Client(store, onlySelected: false, token).ConfirmPendingAsync(user, confirmationId, ct);
            }
            catch (UafClientException e) when (e.ErrorCode == UafClientErrorCode.UserCancelled && session.Declined)
            {
                // The user read the text and said no: tell FigiAuth, so the requester sees "rejected" at once.
                return await RejectAsync(session, token, confirmationId, ct);
            }
            session.Output.Say($"Approved confirmation {confirmationId} (signed by {result.Aaid}).");
            session.Output.Result(new JsonObject { ["id"] = confirmationId, ["approved"] = true, ["receipt"] = result.Receipt });
            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>
    /// The user's pending confirmations (SDK: <see cref="UafHttpClient.GetPendingConfirmationsAsync"/>), read as
    /// docs/integration.md "The phone" lists them: id, displayText, amount and currency as strings, payee {name, account}.
    /// </summary>
    private static async Task<int> ListPendingAsync(PhoneSession session, string token, CancellationToken ct)
    {
        IReadOnlyList<PendingConfirmation> pending;
        try
        {
            pending = await session.UafHttp(token).GetPendingConfirmationsAsync(ct);
        }
        catch (UafServerException e) when (e.StatusCode is null)
        {
            return Refused(session, e, e.HttpStatus is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
                ? TokenRefused
                : $"this server does not offer pending confirmations (GET /confirmations/v1/pending answered {(int)e.HttpStatus})");
        }
        if (pending.Count == 0)
            session.Output.Say("No pending confirmations.");
        var array = new JsonArray();
        foreach (var p in pending)
        {
            var expires = WireTime(p.ExpiresAt);
            session.Output.Say($"{p.Id}  {p.DisplayText}  (expires {expires})");
            array.Add(new JsonObject
            {
                ["id"] = p.Id, ["text"] = p.DisplayText, ["amount"] = p.Amount, ["currency"] = p.Currency,
                ["payee"] = p.Payee is { } payee ? Payee(payee) : null, ["expiresAt"] = expires,
            });
        }
        session.Output.Result(new JsonObject { ["pending"] = array });
        return ExitCodes.Ok;
    }

    /// <summary>Declines the confirmation (SDK: <see cref="UafHttpClient.RejectConfirmationAsync"/>).</summary>
    private static async Task<int> RejectAsync(PhoneSession session, string token, string confirmationId, CancellationToken ct)
    {
        try
        {
            await session.UafHttp(token).RejectConfirmationAsync(confirmationId, ct);
        }
        catch (UafServerException e) when (e.StatusCode is null)
        {
            return Refused(session, e, e.HttpStatus switch
            {
                HttpStatusCode.NotFound => $"server refused: no confirmation {confirmationId} for {session.User}",
                HttpStatusCode.Conflict => $"server refused: the confirmation is no longer pending ({e.Reason ?? "unknown reason"})",
                HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => TokenRefused,
                _ => $"server refused: HTTP {(int)e.HttpStatus}",
            });
        }
        session.Output.Say($"Rejected confirmation {confirmationId}.");
        session.Output.Result(new JsonObject { ["id"] = confirmationId, ["approved"] = false, ["rejected"] = true });
        return ExitCodes.Ok;
    }

    private const string TokenRefused = "server refused the access token: run `login` again";

    private static int Refused(PhoneSession session, UafServerException e, string message)
    {
        session.Output.Error(message, ExitCodes.ServerRefused, new JsonObject { ["httpStatus"] = (int)e.HttpStatus });
        return ExitCodes.ServerRefused;
    }

    /// <summary>The payee as the server sends it: no <c>account</c> member when there is none.</summary>
    private static JsonObject Payee(PendingConfirmationPayee payee)
    {
        var json = new JsonObject { ["name"] = payee.Name };
        if (payee.Account is not null)
            json["account"] = payee.Account;
        return json;
    }

    /// <summary>A time written as System.Text.Json (and so the server) writes it: ISO 8601, fraction without trailing zeros.</summary>
    internal static string? WireTime(DateTimeOffset? time) =>
        time?.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", System.Globalization.CultureInfo.InvariantCulture);

    private static Command Keys()
    {
        var profiles = new Option<bool>("--profiles") { Description = "list the authenticator profiles instead" };
        var command = new Command("keys", "list the keys in the key store") { profiles };
        command.SetAction((parse, ct) => Run(parse, async session =>
        {
            if (parse.GetValue(profiles))
            {
                var list = new JsonArray();
                foreach (var p in AuthenticatorProfiles.All)
                {
                    session.Output.Say($"{p.Aaid}  {p.Description}");
                    list.Add(new JsonObject { ["aaid"] = p.Aaid, ["description"] = p.Description });
                }
                session.Output.Result(new JsonObject { ["profiles"] = list });
                return ExitCodes.Ok;
            }
            IReadOnlyList<KeyRecord> keys = File.Exists(session.StorePath) ? await new FileKeyStore(session.StorePath, session.Pin()).LoadAsync(ct) : [];
            if (keys.Count == 0)
                session.Output.Say($"No keys in {session.StorePath}.");
            var array = new JsonArray();
            foreach (var k in keys.Where(k => session.User is null || k.Username == session.User))
            {
                session.Output.Say($"{k.Username}  {k.Aaid}  {k.KeyId}  {k.AppId}  signCounter={k.SignCounter}  created {k.Created:u}");
                array.Add(new JsonObject
                {
                    ["username"] = k.Username, ["aaid"] = k.Aaid, ["keyId"] = k.KeyId, ["appId"] = k.AppId,
                    ["signCounter"] = k.SignCounter, ["created"] = k.Created,
                });
            }
            session.Output.Result(new JsonObject { ["store"] = session.StorePath, ["keys"] = array });
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Dereg()
    {
        var aaid = new Option<string?>("--aaid") { Description = "deregister every key of this AAID" };
        var all = new Option<bool>("--all") { Description = "deregister every key for the server's AppID" };
        var command = new Command("dereg", "ask the server to deregister keys and delete them here") { aaid, all };
        command.SetAction((parse, ct) => Run(parse, async session =>
        {
            var user = session.RequireUser();
            if (parse.GetValue(aaid) is not null && parse.GetValue(all))
                throw new UsageException("use either --aaid or --all");
            var store = await session.OpenStoreAsync(ct);
            var removed = await session.Client(store, onlySelected: false, session.LoadToken(user))
                .DeregisterAsync(user, parse.GetValue(aaid), parse.GetValue(all), ct);
            session.Output.Say($"Deregistered; {removed} local key(s) deleted.");
            session.Output.Result(new JsonObject { ["user"] = user, ["removed"] = removed });
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command DevCa()
    {
        var output = new Option<string>("--out") { Description = "folder for the CA, attestation certificates and metadata", DefaultValueFactory = _ => Path.Combine("samples", "attestation") };
        var command = new Command("dev-ca", "generate the DEVELOPMENT attestation CA and the metadata statements of every profile") { output };
        command.SetAction((parse, ct) => Run(parse, session =>
        {
            var folder = Path.GetFullPath(parse.GetValue(output)!);
            using var ca = DevAttestationCa.Create();
            ca.Save(folder);
            session.Output.Say($"Development attestation CA and {AuthenticatorProfiles.All.Count} metadata statements written to {folder}.");
            session.Output.Result(new JsonObject { ["folder"] = folder, ["metadata"] = AuthenticatorProfiles.All.Count });
            return Task.FromResult(ExitCodes.Ok);
        }));
        return command;
    }

    /// <summary>
    /// Checks the receipt as docs/integration.md "Receipts" steps 1 and 2 say (SDK: <see cref="ReceiptVerifier.ForReceipts"/>):
    /// the server's JWKS, ES256, typ, iss = the server's origin. Returns a short verdict, never throws.
    /// </summary>
    private static async Task<string> TryVerifyReceiptAsync(PhoneSession session, string receipt, CancellationToken ct)
    {
        try
        {
            var verifier = ReceiptVerifier.ForReceipts(session.HttpToServer(), new Uri(".well-known/jwks.json", UriKind.Relative),
                session.ServerUri.GetLeftPart(UriPartial.Authority));
            await verifier.VerifyPayloadAsync(receipt, cancellationToken: ct);
            return "valid";
        }
        catch (Exception e) when (e is HttpRequestException or ReceiptValidationException or ArgumentException)
        {
            return $"not verified ({e.Message})";
        }
    }

    /// <summary>Runs a command and maps failures to exit codes with a clear message.</summary>
    private static async Task<int> Run(ParseResult parse, Func<PhoneSession, Task<int>> body)
    {
        PhoneSession? session = null;
        var json = parse.GetValue(GlobalOptions.Json);
        var output = new PhoneConsole(json);
        try
        {
            session = new PhoneSession(parse);
            return await body(session);
        }
        catch (UsageException e)
        {
            output.Error(e.Message, ExitCodes.Usage);
            return ExitCodes.Usage;
        }
        catch (UafServerException e)
        {
            var message = e.StatusCode is { } code
                ? $"server refused: UAF status {code} ({UafStatusCodes.Describe(code)})" + (e.Description is null ? "" : $": {e.Description}")
                : e.Message;
            output.Error(message, ExitCodes.ServerRefused, new JsonObject { ["statusCode"] = e.StatusCode, ["httpStatus"] = (int)e.HttpStatus });
            return ExitCodes.ServerRefused;
        }
        catch (UafClientException e) when (e.ErrorCode is UafClientErrorCode.UserCancelled or UafClientErrorCode.AuthenticatorAccessDenied or UafClientErrorCode.UserLockout)
        {
            output.Error(e.Message, ExitCodes.UserCancelledOrPin, new JsonObject { ["clientError"] = e.ErrorCode.ToString() });
            return ExitCodes.UserCancelledOrPin;
        }
        catch (KeyStoreException e) when (e.Error == KeyStoreError.WrongPin)
        {
            output.Error(e.Message, ExitCodes.UserCancelledOrPin);
            return ExitCodes.UserCancelledOrPin;
        }
        catch (HttpRequestException e)
        {
            output.Error($"cannot reach {session?.ServerUri}: {e.Message}", ExitCodes.Network);
            return ExitCodes.Network;
        }
        catch (TaskCanceledException)
        {
            output.Error($"the server {session?.ServerUri} did not answer in time", ExitCodes.Network);
            return ExitCodes.Network;
        }
        catch (UafClientException e)
        {
            output.Error($"{e.Message} ({e.ErrorCode})", ExitCodes.Failed, new JsonObject { ["clientError"] = e.ErrorCode.ToString() });
            return ExitCodes.Failed;
        }
        catch (Exception e) when (e is KeyStoreException or PhoneFailure)
        {
            output.Error(e.Message, ExitCodes.Failed);
            return ExitCodes.Failed;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            output.Error($"cannot use a local file: {e.Message}", ExitCodes.Failed);
            return ExitCodes.Failed;
        }
        catch (Exception e)
        {
            // A bug or an input not foreseen above: still one line, never a stack trace.
            output.Error($"unexpected {e.GetType().Name}: {e.Message}", ExitCodes.Failed);
            return ExitCodes.Failed;
        }
        finally
        {
            session?.Dispose();
        }
    }
}
