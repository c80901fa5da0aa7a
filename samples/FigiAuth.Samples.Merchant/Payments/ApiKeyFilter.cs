using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace FigiAuth.Samples.Merchant.Payments;

/// <summary>Lets a request through only with <c>X-Api-Key</c> equal to <c>Merchant:ApiKey</c> (compared in fixed time).</summary>
public sealed class ApiKeyFilter(IOptions<MerchantOptions> options) : IEndpointFilter
{
    public const string Header = "X-Api-Key";

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var expected = options.Value.ApiKey;
        var given = context.HttpContext.Request.Headers[Header].ToString();
        var ok = !string.IsNullOrEmpty(expected) && given.Length > 0
            && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
        return ok ? next(context) : ValueTask.FromResult<object?>(TypedResults.Unauthorized());
    }
}
