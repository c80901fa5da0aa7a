using FigiAuth.Uaf.Algorithms;

namespace FigiAuth.Uaf.Crypto;

/// <summary>
/// Reads TAG_PUB_KEY of an EC algorithm into an uncompressed point <c>04 | X | Y</c> on the
/// algorithm's curve (UAF.md §7.2: the curve follows from ALG_SIGN, and a DER key must name it).
/// </summary>
internal static class EcPointDecoder
{
    public static byte[] Read(UafAlgorithmProfile profile, UafPublicKeyEncoding encoding, ReadOnlySpan<byte> encoded, string stepId)
    {
        var curve = profile.Curve!;
        return encoding switch
        {
            UafPublicKeyEncoding.EccX962Raw => CheckPoint(curve, encoded, "ECC_X962_RAW", stepId),
            UafPublicKeyEncoding.EccX962Der => ReadDer(curve, encoded, stepId),
            UafPublicKeyEncoding.Cose when curve.CoseCurve != UafCurve.NoCoseCurve => ReadCose(profile, encoded, stepId),
            _ => throw KeyFormat.Invalid(stepId, $"key encoding 0x{(ushort)encoding:X4} does not fit ALG_SIGN {profile.Algorithm}"),
        };
    }

    private static byte[] CheckPoint(UafCurve curve, ReadOnlySpan<byte> point, string what, string stepId)
    {
        // Only the uncompressed form is defined for ECC_X962_RAW; 0x00 (infinity) and compressed points fail here.
        if (point.Length != curve.UncompressedPointLength || point[0] != 0x04)
            throw KeyFormat.Invalid(stepId, $"{what} key is not an uncompressed {curve.Name} point ({point.Length} bytes)");
        return point.ToArray();
    }

    private static byte[] ReadDer(UafCurve curve, ReadOnlySpan<byte> encoded, string stepId)
    {
        var spki = SubjectPublicKeyInfo.TryRead(encoded)
            ?? throw KeyFormat.Invalid(stepId, "ECC_X962_DER key is not a DER SubjectPublicKeyInfo");
        if (spki.AlgorithmOid != SubjectPublicKeyInfo.EcPublicKeyOid)
            throw KeyFormat.Invalid(stepId, $"ECC_X962_DER key has algorithm {spki.AlgorithmOid}, not id-ecPublicKey");
        if (spki.ParameterOid != curve.Oid)
            throw KeyFormat.Invalid(stepId, $"ECC_X962_DER key is on curve {spki.ParameterOid ?? "(none)"}, the algorithm needs {curve.Name} ({curve.Oid})");
        return CheckPoint(curve, spki.PublicKey, "ECC_X962_DER", stepId);
    }

    private static byte[] ReadCose(UafAlgorithmProfile profile, ReadOnlySpan<byte> encoded, string stepId)
    {
        var curve = profile.Curve!;
        var key = CoseKey.Read(encoded, stepId);
        key.Require(CoseKey.KtyEc2, profile, stepId);
        if (key.Int(-1) != curve.CoseCurve)
            throw KeyFormat.Invalid(stepId, $"COSE_Key crv {key.Int(-1)} is not {curve.Name}");
        var x = key.Bytes(-2);
        var y = key.Bytes(-3);
        if (x is null || y is null || x.Length != curve.FieldSize || y.Length != curve.FieldSize)
            throw KeyFormat.Invalid(stepId, $"COSE_Key x/y are missing or not {curve.FieldSize} bytes");
        return [0x04, .. x, .. y];
    }
}
