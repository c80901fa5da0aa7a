namespace FigiAuth.Uaf.Algorithms;

/// <summary>Attestation types; the values are the TLV tags that carry them.</summary>
public enum UafAttestationType : ushort
{
    BasicFull = 0x3E07,
    BasicSurrogate = 0x3E08,
    Ecdaa = 0x3E09,
    AttCa = 0x3E0A,
    None = 0x3E0B,
    AnonCa = 0x3E0C,
}
