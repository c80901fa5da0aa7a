using System.Buffers.Binary;
using System.Text;
using FigiAuth.Client.KeyStore;
using FigiAuth.Uaf.Algorithms;
using FigiAuth.Uaf.Encoding;
using FigiAuth.Uaf.Tlv;

namespace FigiAuth.Client.Authenticators;

public sealed partial class SoftwareAuthenticator
{
    /// <summary>
    /// Verifies the user, creates a new UAuth key for (<paramref name="appId"/>, <paramref name="username"/>)
    /// and returns the TAG_UAFV1_REG_ASSERTION bytes over <paramref name="fcParams"/>.
    /// </summary>
    public async ValueTask<byte[]> RegisterAsync(string appId, string username, string fcParams, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(appId);
        ArgumentException.ThrowIfNullOrEmpty(username);
        ArgumentException.ThrowIfNullOrEmpty(fcParams);
        await _options.UserVerifier.VerifyAsync(cancellationToken).ConfigureAwait(false);

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var records = await _store.LoadAsync(cancellationToken).ConfigureAwait(false);
            var regCounter = records.Where(IsMine).Select(r => r.RegCounter).DefaultIfEmpty(0u).Max() + 1;
            using var key = ClientKey.Generate(Profile.Algorithm);
            var keyId = NewRandom(KeyIdSize);

            var attestationAlgorithm = AttestationAlgorithm();
            var krd = BuildKrd(key, keyId, fcParams, attestationAlgorithm, regCounter);
            var assertion = new UafTlvWriter().BeginComposite(UafTag.UafV1RegAssertion).WriteRaw(krd);
            if (Profile.Attestation == UafAttestationType.BasicSurrogate)
            {
                // Surrogate: the new UAuth key signs the whole KRD element, header included.
                assertion.BeginComposite(UafTag.AttestationBasicSurrogate)
                    .Write(UafTag.Signature, key.Sign(krd))
                    .EndComposite();
            }
            else
            {
                var attestation = _options.Attestation!;
                assertion.BeginComposite(UafTag.AttestationBasicFull)
                    .Write(UafTag.Signature, attestation.Key.SignData(krd, System.Security.Cryptography.HashAlgorithmName.SHA256,
                        attestationAlgorithm == UafSignatureAlgorithm.Secp256r1EcdsaSha256Der
                            ? System.Security.Cryptography.DSASignatureFormat.Rfc3279DerSequence
                            : System.Security.Cryptography.DSASignatureFormat.IeeeP1363FixedFieldConcatenation));
                foreach (var certificate in attestation.CertificateChain)
                    assertion.Write(UafTag.AttestationCert, certificate);
                assertion.EndComposite();
            }
            var bytes = assertion.EndComposite().ToArray();

            var record = new KeyRecord(Aaid, StrictBase64Url.Encode(keyId), username, appId, key.ExportPkcs8(),
                Profile.Algorithm, Profile.KeyEncoding, SignCounter: 0, regCounter, _options.TimeProvider.GetUtcNow());
            await _store.SaveAsync([.. records, record], cancellationToken).ConfigureAwait(false);
            return bytes;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// The KRD's SignatureAlgAndEncoding: the UAuth algorithm for surrogate attestation, the
    /// attestation key's (P-256, raw unless the model signs DER) for basic full.
    /// </summary>
    private UafSignatureAlgorithm AttestationAlgorithm() =>
        Profile.Attestation == UafAttestationType.BasicSurrogate ? Profile.Algorithm
        : Profile.Algorithm == UafSignatureAlgorithm.Secp256r1EcdsaSha256Der ? UafSignatureAlgorithm.Secp256r1EcdsaSha256Der
        : UafSignatureAlgorithm.Secp256r1EcdsaSha256Raw;

    private byte[] BuildKrd(ClientKey key, byte[] keyId, string fcParams, UafSignatureAlgorithm attestationAlgorithm, uint regCounter)
    {
        Span<byte> info = stackalloc byte[7];
        BinaryPrimitives.WriteUInt16LittleEndian(info, Profile.AuthenticatorVersion);
        info[2] = ModeUserVerified;
        BinaryPrimitives.WriteUInt16LittleEndian(info[3..], (ushort)attestationAlgorithm);
        BinaryPrimitives.WriteUInt16LittleEndian(info[5..], (ushort)Profile.KeyEncoding);

        Span<byte> counters = stackalloc byte[8];
        BinaryPrimitives.WriteUInt32LittleEndian(counters, 0);
        BinaryPrimitives.WriteUInt32LittleEndian(counters[4..], regCounter);

        return new UafTlvWriter()
            .BeginComposite(UafTag.UafV1Krd)
            .Write(UafTag.Aaid, Encoding.ASCII.GetBytes(Aaid))
            .Write(UafTag.AssertionInfo, info)
            .Write(UafTag.FinalChallengeHash, key.Profile.HashForChallenge(Encoding.ASCII.GetBytes(fcParams)))
            .Write(UafTag.KeyId, keyId)
            .Write(UafTag.Counters, counters)
            .Write(UafTag.PublicKey, key.ExportPublicKey(Profile.KeyEncoding))
            .EndComposite()
            .ToArray();
    }
}
