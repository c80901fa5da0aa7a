using FigiAuth.Uaf.Encoding;
using FigiAuth.Uaf.Messages;
using FigiAuth.Uaf.Verification;

namespace FigiAuth.Uaf.Requests;

/// <summary>Transaction forms (UAF.md §2.6, UAF-REQ-03).</summary>
public static class TransactionContent
{
    /// <summary>text/plain: content = base64url(UTF-8 text); 1..200 characters, no control characters.</summary>
    public static UafResult<Transaction> Text(string text)
    {
        if (text.Length is 0 or > UafLimits.MaxTransactionTextLength || text.Any(char.IsControl))
            return new UafFailure(UafStatusCode.BadRequest, UafSteps.Req03, "transaction text must be 1..200 printable characters");
        return new Transaction(Transaction.TextPlain, StrictBase64Url.Encode(System.Text.Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>image/png: content = base64url(PNG file), with the display characteristics it was rendered for.</summary>
    public static UafResult<Transaction> Png(ReadOnlySpan<byte> png, DisplayPngCharacteristicsDescriptor characteristics)
    {
        ReadOnlySpan<byte> signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        if (!png.StartsWith(signature) || characteristics.Width == 0 || characteristics.Height == 0)
            return new UafFailure(UafStatusCode.BadRequest, UafSteps.Req03, "content is not a PNG or the characteristics are empty");
        return new Transaction(Transaction.ImagePng, StrictBase64Url.Encode(png), characteristics);
    }
}
