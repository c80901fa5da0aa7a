using System.Buffers.Text;
using System.Globalization;

namespace FigiAuth.Server.Audit;

/// <summary>
/// The chain's last event as "seq:hash" (hash in base64url). A hash chain alone cannot show that events were cut off
/// its end; a head recorded outside the database (a monitoring system, a ticket, a signed report) can: the chain must
/// still contain that event, with that hash.
/// </summary>
public sealed record AuditHead(long Seq, byte[] Hash)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Seq}:{Base64Url.EncodeToString(Hash)}");

    /// <summary>"seq:hash" as <see cref="ToString"/> writes it, or null when it is not that.</summary>
    public static AuditHead? TryParse(string? text)
    {
        var colon = text?.IndexOf(':') ?? -1;
        if (colon <= 0
            || !long.TryParse(text.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var seq) || seq < 1)
        {
            return null;
        }

        var hash = text![(colon + 1)..];
        return Base64Url.IsValid(hash, out var length) && length == 32 ? new AuditHead(seq, Base64Url.DecodeFromChars(hash)) : null;
    }
}
