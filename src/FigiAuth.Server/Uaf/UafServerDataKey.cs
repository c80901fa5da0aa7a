using System.Security.Cryptography;
using System.Xml.Linq;
using FigiAuth.Server.Hosting;
using FigiAuth.Uaf.Verification;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;

namespace FigiAuth.Server.Uaf;

/// <summary>
/// The serverData MAC key: FigiAuth:Uaf:ServerDataKey (base64, at least 32 bytes) when configured, else derived with
/// HKDF-SHA256 from the master key of the oldest unexpired Data Protection key, whose ring lives in the database and
/// is shared by every node. Never a literal.
/// </summary>
internal sealed class UafServerDataKey(IOptions<FigiAuthOptions> options, IDataProtectionProvider dataProtection, IKeyManager keys,
    TimeProvider time)
{
    static readonly byte[] Info = "FigiAuth.Uaf.ServerData.v1"u8.ToArray();

    public ServerDataProtector CreateProtector()
    {
        if (options.Value.Uaf.ServerDataKey is { Length: > 0 } configured)
        {
            var bytes = Convert.FromBase64String(configured);
            return bytes.Length >= 32
                ? new ServerDataProtector(bytes)
                : throw new InvalidOperationException("FigiAuth:Uaf:ServerDataKey must be base64 of at least 32 bytes");
        }

        return new ServerDataProtector(HKDF.DeriveKey(HashAlgorithmName.SHA256, DataProtectionMasterKey(), 32, info: Info));
    }

    byte[] DataProtectionMasterKey()
    {
        // Protecting once makes the key ring create its first key when it is empty.
        _ = dataProtection.CreateProtector("FigiAuth.Uaf.ServerData").Protect([0]);
        var now = time.GetUtcNow();
        var key = keys.GetAllKeys()
            .Where(k => !k.IsRevoked && k.ExpirationDate > now)
            .OrderBy(k => k.ActivationDate).ThenBy(k => k.KeyId)
            .FirstOrDefault() ?? throw new InvalidOperationException("the Data Protection key ring has no active key");
        var xml = key.Descriptor.ExportToXml().SerializedDescriptorElement;
        var value = xml.Descendants().FirstOrDefault(e => e.Name.LocalName == "value")?.Value
            ?? throw new InvalidOperationException("the Data Protection key descriptor has no master key");
        return Convert.FromBase64String(value);
    }
}
