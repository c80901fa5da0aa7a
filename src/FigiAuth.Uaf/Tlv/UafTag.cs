namespace FigiAuth.Uaf.Tlv;

/// <summary>UAFV1TLV tags a server sees (FIDO UAF Registry §4).</summary>
public static class UafTag
{
    public const ushort UafV1RegAssertion = 0x3E01;
    public const ushort UafV1AuthAssertion = 0x3E02;
    public const ushort UafV1Krd = 0x3E03;
    public const ushort UafV1SignedData = 0x3E04;
    public const ushort AttestationCert = 0x2E05;
    public const ushort Signature = 0x2E06;
    public const ushort AttestationBasicFull = 0x3E07;
    public const ushort AttestationBasicSurrogate = 0x3E08;
    public const ushort AttestationEcdaa = 0x3E09;
    public const ushort KeyId = 0x2E09;
    public const ushort FinalChallengeHash = 0x2E0A;
    public const ushort Aaid = 0x2E0B;
    public const ushort PublicKey = 0x2E0C;
    public const ushort Counters = 0x2E0D;
    public const ushort AssertionInfo = 0x2E0E;
    public const ushort AuthenticatorNonce = 0x2E0F;
    public const ushort TransactionContentHash = 0x2E10;
    public const ushort Extension = 0x3E11;
    public const ushort ExtensionNonCritical = 0x3E12;
    public const ushort ExtensionId = 0x2E13;
    public const ushort ExtensionData = 0x2E14;
    public const ushort UserVerificationIndex = 0x0104;
    public const ushort UserVerificationState = 0x0106;

    /// <summary>Bit 0x1000: the value is itself a TLV sequence.</summary>
    public const ushort CompositeBit = 0x1000;

    public static bool IsComposite(ushort tag) => (tag & CompositeBit) != 0;
}
