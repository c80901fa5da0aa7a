using System.Text.Json.Serialization;

namespace FigiAuth.Server.Confirmations;

public sealed record PayeeView(string Name, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Account)
{
    /// <summary>The payee of a confirmation, or null when unknown (in-band text only).</summary>
    public static PayeeView? Of(Confirmation c) => c.PayeeName is null ? null : new(c.PayeeName, c.PayeeAccount);
}

