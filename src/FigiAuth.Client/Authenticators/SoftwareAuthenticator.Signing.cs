using System.Buffers.Binary;
using System.Text;
using FigiAuth.Client.KeyStore;
using FigiAuth.Uaf.Encoding;
using FigiAuth.Uaf.Messages;
using FigiAuth.Uaf.Tlv;

namespace FigiAuth.Client.Authenticators;

public sealed partial class SoftwareAuthenticator
{
    /// <summary>
    /// Signs with the key <paramref name="keyId"/> and returns the TAG_UAFV1_AUTH_ASSERTION bytes.
    /// With a <paramref name="transaction"/> the user sees it first; "no" throws USER_CANCELLED and
    /// nothing is signed.
    /// </summary>
    public async ValueTask<byte[]> SignAsync(string appId, string keyId, string fcParams, Transaction? transaction = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(fcParams);
        var record = (await GetKeysAsync(appId, null, cancellationToken).ConfigureAwait(false)).FirstOrDefault(r => r.KeyId == keyId)
            ?? throw new UafClientException(UafClientErrorCode.KeyDisappearedPermanently, $"{Aaid} has no key {keyId} for {appId}");
        byte[]? content = null;
        if (transaction is not null)
            content = await ConfirmAsync(record, transaction, cancellationToken).ConfigureAwait(false);
        await _options.UserVerifier.VerifyAsync(cancellationToken).ConfigureAwait(false);

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Re-read under the lock so concurrent signatures never reuse a counter value.
            var records = await _store.LoadAsync(cancellationToken).ConfigureAwait(false);
            var index = records.ToList().FindIndex(r => IsMine(r) && r.AppId == appId && r.KeyId == keyId);
            if (index < 0)
                throw new UafClientException(UafClientErrorCode.KeyDisappearedPermanently, $"{Aaid} has no key {keyId} for {appId}");
            record = records[index];
            var signCounter = record.SignCounter + 1;
            using var key = ClientKey.ImportPkcs8(record.Algorithm, record.PrivateKeyPkcs8);
            var signedData = BuildSignedData(key, DecodeKeyId(record.KeyId), fcParams, content, signCounter);
            var bytes = new UafTlvWriter()
                .BeginComposite(UafTag.UafV1AuthAssertion)
                .WriteRaw(signedData)
                .Write(UafTag.Signature, key.Sign(signedData))
                .EndComposite()
                .ToArray();
            var updated = records.ToArray();
            updated[index] = record with { SignCounter = signCounter };
            await _store.SaveAsync(updated, cancellationToken).ConfigureAwait(false);
            return bytes;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Shows the decoded transaction content and returns it once the user said yes.</summary>
    private async ValueTask<byte[]> ConfirmAsync(KeyRecord record, Transaction transaction, CancellationToken cancellationToken)
    {
        if (_options.ConfirmTransaction is null)
            throw new UafClientException(UafClientErrorCode.InvalidTransactionContent, $"{Aaid} has no transaction display");
        if (transaction.ContentType != Profile.TcDisplayContentType)
            throw new UafClientException(UafClientErrorCode.InvalidTransactionContent,
                $"{Aaid} displays {Profile.TcDisplayContentType}, not {transaction.ContentType}");
        if (!StrictBase64Url.TryDecode(transaction.Content, out var content) || content.Length == 0)
            throw new UafClientException(UafClientErrorCode.InvalidTransactionContent, "transaction content is not base64url");
        TransactionPrompt prompt;
        if (transaction.ContentType == Transaction.TextPlain)
        {
            string text;
            try
            {
                text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content);
            }
            catch (DecoderFallbackException e)
            {
                throw new UafClientException(UafClientErrorCode.InvalidTransactionContent, "transaction text is not UTF-8", e);
            }
            prompt = new TransactionPrompt(transaction.ContentType, text, null, record.AppId, record.Username);
        }
        else
        {
            prompt = new TransactionPrompt(transaction.ContentType, null, content, record.AppId, record.Username);
        }
        if (!await _options.ConfirmTransaction(prompt, cancellationToken).ConfigureAwait(false))
            throw new UafClientException(UafClientErrorCode.UserCancelled, "the user rejected the transaction");
        return content;
    }

    private byte[] BuildSignedData(ClientKey key, byte[] keyId, string fcParams, byte[]? transactionContent, uint signCounter)
    {
        Span<byte> info = stackalloc byte[5];
        BinaryPrimitives.WriteUInt16LittleEndian(info, Profile.AuthenticatorVersion);
        info[2] = transactionContent is null ? ModeUserVerified : ModeTransactionConfirmed;
        BinaryPrimitives.WriteUInt16LittleEndian(info[3..], (ushort)Profile.Algorithm);

        Span<byte> counter = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(counter, signCounter);

        return new UafTlvWriter()
            .BeginComposite(UafTag.UafV1SignedData)
            .Write(UafTag.Aaid, Encoding.ASCII.GetBytes(Aaid))
            .Write(UafTag.AssertionInfo, info)
            .Write(UafTag.AuthenticatorNonce, NewRandom(NonceSize))
            .Write(UafTag.FinalChallengeHash, key.Profile.HashForChallenge(Encoding.ASCII.GetBytes(fcParams)))
            .Write(UafTag.TransactionContentHash, transactionContent is null ? [] : key.Profile.HashForChallenge(transactionContent))
            .Write(UafTag.KeyId, keyId)
            .Write(UafTag.Counters, counter)
            .EndComposite()
            .ToArray();
    }
}
