namespace FigiAuth.Uaf.Assertions;

/// <summary>The elements KRD and SignedData have in common, as slices while a reader walks them.</summary>
internal ref struct SharedFields
{
    public int Seen;
    public string Aaid;
    public ReadOnlySpan<byte> Info;
    public ReadOnlySpan<byte> Counters;
    public byte[] FinalChallengeHash;
    public byte[] KeyId;
    public List<TlvExtension>? Extensions;

    public SharedFields()
    {
        Aaid = "";
        FinalChallengeHash = [];
        KeyId = [];
    }
}
