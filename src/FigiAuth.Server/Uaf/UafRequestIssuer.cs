using System.Text.Json;
using FigiAuth.Server.Accounts;
using FigiAuth.Server.Audit;
using FigiAuth.Server.Confirmations;
using FigiAuth.Server.Data;
using FigiAuth.Uaf;
using FigiAuth.Uaf.Deregistration;
using FigiAuth.Uaf.Messages;
using FigiAuth.Uaf.Metadata;
using FigiAuth.Uaf.Policy;
using FigiAuth.Uaf.Requests;
using FigiAuth.Uaf.Verification;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace FigiAuth.Server.Uaf;

/// <summary>
/// POST /uaf/v1/get (UAF.md §4, §8.1): issues Reg, Auth (with in-band transaction) and Dereg requests. Reg and
/// Auth store the challenge with the ledger record; Dereg deletes the keys it names, audited, in one transaction.
/// </summary>
internal sealed class UafRequestIssuer(
    FigiAuthDbContext db, UafCeremonyLedger ledger, UserDirectory directory, UserManager<FigiAuthUser> users,
    IMetadataStore metadata, UafSettings settings, AuditLog audit, ConfirmationService confirmations, TimeProvider time)
{
    public Task<UafGetAnswer> IssueAsync(UafOperation op, UafContext context, HttpContext http, CancellationToken ct) => op switch
    {
        UafOperation.Reg => RegistrationAsync(context, http, ct),
        UafOperation.Auth => AuthenticationAsync(context, ct),
        _ => DeregistrationAsync(context, http, ct),
    };

    async Task<UafGetAnswer> RegistrationAsync(UafContext context, HttpContext http, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(context.Username))
        {
            return Refuse(UafStatusCode.BadRequest, UafSteps.Req01, "context.username is required for registration");
        }

        var user = await EnrollingUserAsync(context.Username, http);
        if (!user.Succeeded)
        {
            return UafGetAnswer.Refused(user.Failure);
        }

        var keys = await KeysOfAsync(user.Value.Id, ct);
        var policy = PolicyBuilder.ForRegistration(metadata, keys);
        if (!policy.Succeeded)
        {
            return UafGetAnswer.Refused(policy.Failure);
        }

        var issued = UafRequestBuilder.Registration(settings.AppId, context.Username, policy.Value, ExpiresAt(), settings.ServerData);
        if (!issued.Succeeded)
        {
            return UafGetAnswer.Refused(issued.Failure);
        }

        await ledger.IssueAsync(issued.Value.Ledger, CeremonyPurpose.UafRegistration, user.Value.Id, ct);
        return Issued(issued.Value.Json, UafOperation.Reg);
    }

    /// <summary>OpenEnrollment: the named user, created on demand. Otherwise the signed-in user, who must be the named one.</summary>
    async Task<UafResult<FigiAuthUser>> EnrollingUserAsync(string username, HttpContext http)
    {
        if (settings.OpenEnrollment)
        {
            try
            {
                return await directory.FindOrCreateAsync(username);
            }
            catch (InvalidOperationException)
            {
                return new UafFailure(UafStatusCode.BadRequest, UafSteps.Req01, "the username is not acceptable");
            }
        }

        var caller = await UafCaller.FindAsync(http, users);
        if (caller is null || !string.Equals(caller.UserName, username, StringComparison.Ordinal))
        {
            return new UafFailure(UafStatusCode.Unauthorized, UafSteps.Req01, "sign in as this user first (bearer token or cookie)");
        }

        return caller;
    }

    async Task<UafGetAnswer> AuthenticationAsync(UafContext context, CancellationToken ct)
    {
        if (context.Transaction is not null && context.ConfirmationId is not null)
        {
            return Refuse(UafStatusCode.BadRequest, UafSteps.Req03, "context has both transaction and confirmationId");
        }

        var user = context.Username is { Length: > 0 } name ? await directory.FindAsync(name) : null;
        var confirming = context.Transaction is not null || context.ConfirmationId is not null;
        if (confirming && user is null)
        {
            // A transaction becomes the user's confirmation record: it needs the user.
            return Refuse(UafStatusCode.NotFound, UafSteps.Req03, "a transaction or confirmationId needs the username of a registered user");
        }

        string? transactionText = null;
        if (context.ConfirmationId is { } confirmationId)
        {
            var pending = await ResolvePendingConfirmationAsync(confirmationId, user!.Id, ct);
            if (!pending.Succeeded)
            {
                return UafGetAnswer.Refused(pending.Failure);
            }

            transactionText = pending.Value;
        }
        else if (context.Transaction is { } text)
        {
            if (!DisplayText.IsAcceptable(text))
            {
                return Refuse(UafStatusCode.BadRequest, UafSteps.Req03,
                    "transaction must be 1..200 characters without control, bidi or zero-width characters");
            }

            transactionText = text;
        }

        var registrations = user is null ? [] : await RegistrationsOfAsync(user.Id, ct);
        var policy = PolicyBuilder.ForAuthentication(metadata, registrations.Select(r => new RegisteredKey(r.Aaid, r.KeyId)));
        if (!policy.Succeeded)
        {
            return UafGetAnswer.Refused(policy.Failure);
        }

        List<Transaction>? forms = null;
        if (transactionText is not null)
        {
            var built = TransactionForms(transactionText, registrations);
            if (!built.Succeeded)
            {
                return UafGetAnswer.Refused(built.Failure);
            }

            forms = built.Value;
        }

        var issued = UafRequestBuilder.Authentication(settings.AppId, context.Username is { Length: > 0 } ? context.Username : null,
            policy.Value, ExpiresAt(), forms, settings.ServerData);
        if (!issued.Succeeded)
        {
            return UafGetAnswer.Refused(issued.Failure);
        }

        // In-band: the text becomes a confirmation of the user's own (DESIGN.md "Transaction confirmation" 1), answered
        // by /respond like a back end's one, so both end in the same record and receipt.
        var recordId = context.ConfirmationId;
        if (context.Transaction is { } inBand)
        {
            var created = await confirmations.CreateInBandAsync(user!.Id, inBand, settings.ChallengeLifetime, ct);
            recordId = created!.Id;
        }

        var purpose = forms is null ? CeremonyPurpose.UafAuthentication : CeremonyPurpose.UafTransaction;
        await ledger.IssueAsync(issued.Value.Ledger, purpose, user?.Id, ct, forms, recordId);
        return Issued(issued.Value.Json, UafOperation.Auth);
    }

    /// <summary>
    /// A pending DFS confirmation of this user turned into the exact text to confirm. Unknown or another user's:
    /// 1404; expired, cancelled, rejected or already answered: 1491.
    /// </summary>
    async ValueTask<UafResult<string>> ResolvePendingConfirmationAsync(string confirmationId, Guid userId, CancellationToken ct)
    {
        var prepared = await confirmations.PrepareForUafAsync(confirmationId, userId, ct);
        if (prepared.Succeeded)
        {
            return prepared.Value.Text;
        }

        return new UafFailure(UafConfirmationStatus.ForRequest(prepared.Failure.Reason), UafSteps.Req03,
            UafConfirmationStatus.Describe(prepared.Failure.Reason));
    }

    /// <summary>
    /// UAF-REQ-03: text/plain for every authenticator, plus one PNG per distinct PNG display of the candidate models
    /// (the user's registered ones, or every trusted model for a username-less request) whose metadata asks for image/png;
    /// the display a registration reported wins over the metadata's.
    /// </summary>
    UafResult<List<Transaction>> TransactionForms(string text, IReadOnlyList<UafRegistration> registrations)
    {
        var text1 = TransactionContent.Text(text);
        if (!text1.Succeeded)
        {
            return text1.Failure;
        }

        var forms = new List<Transaction> { text1.Value };
        var displays = new List<DisplayPngCharacteristicsDescriptor>();
        var candidates = registrations.Count > 0
            ? registrations.Select(r => (Entry: metadata.Find(r.Aaid), Reported: r.TcDisplayPngCharacteristics))
            : metadata.All.Select(e => (Entry: (MetadataEntry?)e, Reported: (string?)null));
        foreach (var (entry, reported) in candidates)
        {
            if (entry?.Statement is not { TcDisplayContentType: Transaction.ImagePng } statement)
            {
                continue;
            }

            var sizes = reported is null
                ? statement.TcDisplayPngCharacteristics
                : JsonSerializer.Deserialize(reported, UafServerJsonContext.Default.DisplayPngCharacteristicsDescriptorArray) ?? [];
            displays.AddRange(sizes);
        }

        foreach (var display in displays.DistinctBy(d => (d.Width, d.Height, d.ColorType, d.BitDepth)).Take(4))
        {
            if (TransactionPng.Render(text, display) is { } png && TransactionContent.Png(png, display) is { Succeeded: true } form)
            {
                forms.Add(form.Value);
            }
        }

        return forms;
    }

    async Task<UafGetAnswer> DeregistrationAsync(UafContext context, HttpContext http, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(context.Username))
        {
            return Refuse(UafStatusCode.BadRequest, UafSteps.Dereg01, "context.username is required for deregistration");
        }

        FigiAuthUser? user;
        if (settings.OpenEnrollment)
        {
            user = await directory.FindAsync(context.Username);
        }
        else
        {
            user = await UafCaller.FindAsync(http, users);
            if (user is null || !string.Equals(user.UserName, context.Username, StringComparison.Ordinal))
            {
                return Refuse(UafStatusCode.Unauthorized, UafSteps.Dereg01, "sign in as this user first (bearer token or cookie)");
            }
        }

        if (user is null)
        {
            return Refuse(UafStatusCode.NotFound, UafSteps.Dereg01, "no such user");
        }

        var registrations = await RegistrationsOfAsync(user.Id, ct);
        UafResult<IssuedDeregistration> issued;
        IReadOnlyList<UafRegistration> doomed;
        if (context.DeregisterAll == true)
        {
            issued = DeregistrationRequestBuilder.All(settings.AppId);
            doomed = registrations;
        }
        else if (context.DeregisterAaid is { } aaid)
        {
            issued = DeregistrationRequestBuilder.AllOfAaid(settings.AppId, aaid);
            doomed = [.. registrations.Where(r => string.Equals(r.Aaid, aaid, StringComparison.OrdinalIgnoreCase))];
            if (issued.Succeeded && doomed.Count == 0 && metadata.Find(aaid) is null)
            {
                return Refuse(UafStatusCode.NotFound, UafSteps.Dereg01, "deregisterAAID names an unknown AAID");
            }
        }
        else if (registrations.Count == 0)
        {
            return Refuse(UafStatusCode.NotFound, UafSteps.Dereg01, "the user has no registered keys");
        }
        else
        {
            issued = DeregistrationRequestBuilder.Keys(settings.AppId, [.. registrations.Select(r => (r.Aaid, r.KeyId))]);
            doomed = registrations;
        }

        if (!issued.Succeeded)
        {
            return UafGetAnswer.Refused(issued.Failure);
        }

        await DeleteAsync(user.Id, doomed, context, ct);
        return new UafGetAnswer((int)UafStatusCode.Ok, issued.Value.Json, UafOperation.Dereg);
    }

    /// <summary>UAF-DEREG-01: the records go when the request is issued; the deletion and its audit event commit together.</summary>
    async Task DeleteAsync(Guid userId, IReadOnlyList<UafRegistration> doomed, UafContext context, CancellationToken ct)
    {
        var ids = doomed.Select(r => r.Id).ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var deleted = await db.UafRegistrations.Where(r => ids.Contains(r.Id)).ExecuteDeleteAsync(ct);
        await audit.AppendAsync(db, new AuditEntry("uaf.dereg", userId, StepId: UafSteps.Dereg01, StatusCode: (int)UafStatusCode.Ok,
            Detail: new Dictionary<string, string?>
            {
                ["scope"] = context.DeregisterAll == true ? "all" : context.DeregisterAaid is null ? "keys" : "aaid",
                ["aaid"] = context.DeregisterAaid,
                ["deleted"] = deleted.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["keys"] = string.Join(",", doomed.Select(r => $"{r.Aaid}/{r.KeyId}")),
            }), ct);
        await transaction.CommitAsync(ct);
    }

    async Task<IReadOnlyList<RegisteredKey>> KeysOfAsync(Guid userId, CancellationToken ct) =>
        [.. (await RegistrationsOfAsync(userId, ct)).Select(r => new RegisteredKey(r.Aaid, r.KeyId))];

    Task<List<UafRegistration>> RegistrationsOfAsync(Guid userId, CancellationToken ct) =>
        db.UafRegistrations.AsNoTracking()
            .Where(r => r.UserId == userId && r.AppId == settings.AppId && r.Status != Data.UafRegistrationStatus.Revoked)
            .ToListAsync(ct);

    DateTimeOffset ExpiresAt() => time.GetUtcNow() + settings.ChallengeLifetime;

    UafGetAnswer Issued(string json, UafOperation op) => UafGetAnswer.Issued(json, op, settings.ChallengeLifetime);

    static UafGetAnswer Refuse(UafStatusCode status, string stepId, string description) =>
        UafGetAnswer.Refused(new UafFailure(status, stepId, description));
}
