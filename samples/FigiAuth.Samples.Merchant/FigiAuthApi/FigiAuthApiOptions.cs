namespace FigiAuth.Samples.FigiAuthApi;

/// <summary>
/// Where FigiAuth is and how this back end signs in to it (configuration section <c>FigiAuth</c>).
/// </summary>
public sealed class FigiAuthApiOptions
{
    /// <summary>FigiAuth's origin. Default: http://127.0.0.1:5080 (the server's development port).</summary>
    public Uri Server { get; set; } = new("http://127.0.0.1:5080");

    /// <summary>The <c>iss</c> of receipts (FigiAuth's <c>PublicOrigin</c>). Default: the origin of <see cref="Server"/>.</summary>
    public string? Issuer { get; set; }

    /// <summary>The confidential client this back end uses for the confirmations API.</summary>
    public ClientCredentialsOptions ClientCredentials { get; set; } = new();

    public string ExpectedIssuer => Issuer ?? Server.GetLeftPart(UriPartial.Authority);
}
