namespace FigiAuth.Server.Tests.Infrastructure;

/// <summary>The server in Production with the settings it requires there (PublicOrigin, Data Protection certificate).</summary>
public sealed class ProductionServerFactory : FigiAuthServerFactory
{
    public ProductionServerFactory()
    {
        Environment = "Production";
        Settings["FigiAuth:PublicOrigin"] = "https://id.example.test";
        this.WithDataProtectionCertificate();
    }
}
