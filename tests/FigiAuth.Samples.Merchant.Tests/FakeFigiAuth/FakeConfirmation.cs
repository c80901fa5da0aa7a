using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace FigiAuth.Samples.Tests.FakeFigiAuth;

/// <summary>One confirmation in the fake: pending until the test answers it.</summary>
public sealed class FakeConfirmation(string id, string user, string amount, string currency, string payeeName, string? payeeAccount, string requestJson)
{
    /// <summary>Creating a confirmation for this user answers 400 on username, like an unknown user at FigiAuth.</summary>
    public const string UnknownUser = "nobody";

    public string Id { get; } = id;
    public string User { get; } = user;
    public string Amount { get; } = amount;
    public string Currency { get; } = currency;
    public string PayeeName { get; } = payeeName;
    public string? PayeeAccount { get; } = payeeAccount;
    public string RequestJson { get; } = requestJson;
    public string DisplayText => $"Confirm payment of {Amount} {Currency} to {PayeeName}" + (PayeeAccount is null ? "" : $" ({PayeeAccount})");
    public string Status { get; private set; } = "pending";
    readonly Lock _lock = new();
    Func<string, ReceiptSigner, string>? _receiptFactory;
    string? _receipt;

    /// <summary>
    /// Confirms; <paramref name="editClaims"/> changes the receipt's claims, <paramref name="editJws"/> the signed JWS,
    /// <paramref name="unknownKey"/> signs with a key that is not in the JWKS (under the published kid).
    /// </summary>
    public void Confirm(Action<JsonObject>? editClaims = null, Func<string, string>? editJws = null, bool unknownKey = false) =>
        Answer("confirmed", (issuer, signer) =>
        {
            var claims = ReceiptClaims(issuer);
            editClaims?.Invoke(claims);
            using var other = unknownKey ? ECDsa.Create(ECCurve.NamedCurves.nistP256) : null;
            var jws = signer.Sign(claims, other);
            return editJws is null ? jws : editJws(jws);
        });

    public void Reject() => Answer("rejected", null);

    public void Expire() => Answer("expired", null);

    void Answer(string status, Func<string, ReceiptSigner, string>? receipt)
    {
        lock (_lock)
        {
            Status = status;
            _receiptFactory = receipt;
            _receipt = null;
        }
    }

    JsonObject ReceiptClaims(string issuer)
    {
        var payee = new JsonObject { ["name"] = PayeeName };
        if (PayeeAccount is not null)
            payee["account"] = PayeeAccount;
        return new JsonObject
        {
            ["iss"] = issuer,
            ["sub"] = Guid.NewGuid().ToString("D"),
            ["jti"] = Guid.NewGuid().ToString("N"),
            ["iat"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["confirmation_id"] = Id,
            ["display_hash"] = ReceiptSigner.DisplayHash(DisplayText),
            ["display_text"] = DisplayText,
            ["amount"] = Amount,
            ["currency"] = Currency,
            ["payee"] = payee,
            ["authenticator"] = "F1D0#0001",
            ["method"] = "uaf",
            ["confirmed_at"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["client_id"] = FakeFigiAuthServer.ClientId,
        };
    }

    internal JsonObject View(string issuer, ReceiptSigner signer)
    {
        var view = new JsonObject
        {
            ["id"] = Id,
            ["status"] = Status,
            ["displayText"] = DisplayText,
            ["amount"] = Amount,
            ["currency"] = Currency,
            ["payee"] = PayeeAccount is null ? new JsonObject { ["name"] = PayeeName } : new JsonObject { ["name"] = PayeeName, ["account"] = PayeeAccount },
            ["createdAt"] = DateTimeOffset.UtcNow.AddSeconds(-10),
            ["expiresAt"] = DateTimeOffset.UtcNow.AddMinutes(5),
        };
        string? receipt;
        lock (_lock)
        {
            // Signed once, then the same receipt on every read, as FigiAuth keeps it.
            receipt = _receipt ??= _receiptFactory?.Invoke(issuer, signer);
        }
        if (receipt is not null)
        {
            view["receipt"] = receipt;
            view["method"] = "uaf";
            view["authenticator"] = "F1D0#0001";
            view["answeredAt"] = DateTimeOffset.UtcNow;
        }
        return view;
    }
}
