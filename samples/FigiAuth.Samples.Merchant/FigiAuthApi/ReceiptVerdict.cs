using System.Diagnostics.CodeAnalysis;

namespace FigiAuth.Samples.FigiAuthApi;

/// <summary>Either a verified receipt or the reason it was refused.</summary>
public sealed record ReceiptVerdict(VerifiedReceipt? Receipt, string? Failure)
{
    [MemberNotNullWhen(true, nameof(Receipt))]
    [MemberNotNullWhen(false, nameof(Failure))]
    public bool IsValid => Receipt is not null;

    public static ReceiptVerdict Refused(string reason) => new(null, reason);
}
