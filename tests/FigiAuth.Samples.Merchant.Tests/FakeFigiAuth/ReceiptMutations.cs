using System.Text.Json.Nodes;

namespace FigiAuth.Samples.Tests.FakeFigiAuth;

/// <summary>Ways to answer "confirmed" with a receipt that must not be accepted, by name for theories.</summary>
public static class ReceiptMutations
{
    public static TheoryData<string> Names => [.. All.Keys];

    public static void ConfirmWith(this FakeConfirmation confirmation, string mutation) => All[mutation](confirmation);

    static readonly Dictionary<string, Action<FakeConfirmation>> All = new()
    {
        ["tampered payload"] = c => c.Confirm(editJws: ReceiptSigner.TamperPayload),
        ["signature removed"] = c => c.Confirm(editJws: jws => jws[..(jws.LastIndexOf('.') + 1)]),
        ["signed by another key"] = c => c.Confirm(unknownKey: true),
        ["another amount"] = c => c.Confirm(claims => claims["amount"] = "1.00"),
        ["another currency"] = c => c.Confirm(claims => claims["currency"] = "UGX"),
        ["another payee"] = c => c.Confirm(claims => claims["payee"] = new JsonObject { ["name"] = "Mallory", ["account"] = "+254799999999" }),
        ["another confirmation"] = c => c.Confirm(claims => claims["confirmation_id"] = "someone-elses"),
        ["another issuer"] = c => c.Confirm(claims => claims["iss"] = "https://evil.example"),
        ["display hash mismatch"] = c => c.Confirm(claims => claims["display_text"] = "Confirm payment of 1.00 KES to Mallory"),
        ["no receipt"] = c => c.Confirm(editJws: _ => ""),
    };
}
