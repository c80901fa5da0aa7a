using System.Formats.Cbor;

namespace FigiAuth.Uaf.Crypto;

/// <summary>
/// A COSE_Key (RFC 9052 §7, ALG_KEY 0x0104) read into its integer-labelled parameters. The meaning
/// of labels -1..-3 depends on <c>kty</c> (EC2/OKP: crv, x, y; RSA: n, e).
/// </summary>
internal sealed class CoseKey
{
    public const int KtyOkp = 1;
    public const int KtyEc2 = 2;
    public const int KtyRsa = 3;

    private const int LabelKty = 1;
    private const int LabelAlg = 3;

    private readonly Dictionary<long, object> _parameters;

    private CoseKey(Dictionary<long, object> parameters) => _parameters = parameters;

    public long? Kty => Int(LabelKty);

    public long? Alg => Int(LabelAlg);

    public long? Int(long label) => _parameters.GetValueOrDefault(label) as long?;

    public byte[]? Bytes(long label) => _parameters.GetValueOrDefault(label) as byte[];

    /// <summary>Reads one CBOR map (strict: no duplicate labels, no trailing bytes).</summary>
    public static CoseKey Read(ReadOnlySpan<byte> encoded, string stepId)
    {
        try
        {
            var reader = new CborReader(encoded.ToArray(), CborConformanceMode.Strict);
            var parameters = new Dictionary<long, object>();
            reader.ReadStartMap();
            while (reader.PeekState() != CborReaderState.EndMap)
            {
                var label = reader.ReadInt64();
                object? value = reader.PeekState() switch
                {
                    CborReaderState.UnsignedInteger or CborReaderState.NegativeInteger => reader.ReadInt64(),
                    CborReaderState.ByteString => reader.ReadByteString(),
                    _ => null,
                };
                if (value is null)
                    reader.SkipValue();
                else
                    parameters[label] = value;
            }
            reader.ReadEndMap();
            if (reader.BytesRemaining != 0)
                throw KeyFormat.Invalid(stepId, "COSE_Key has trailing bytes");
            return new CoseKey(parameters);
        }
        catch (Exception e) when (e is CborContentException or InvalidOperationException or OverflowException)
        {
            throw KeyFormat.Invalid(stepId, $"COSE_Key is not a well-formed CBOR map: {e.Message}");
        }
    }

    /// <summary>Checks kty and, when present, alg against the ALG_SIGN's profile.</summary>
    public void Require(int kty, UafAlgorithmProfile profile, string stepId)
    {
        if (Kty != kty)
            throw KeyFormat.Invalid(stepId, $"COSE_Key kty {Kty} does not fit ALG_SIGN {profile.Algorithm}");
        if (Alg is { } alg && !profile.AcceptsCoseAlgorithm((int)alg))
            throw KeyFormat.Invalid(stepId, $"COSE_Key alg {alg} does not fit ALG_SIGN {profile.Algorithm}");
    }
}
