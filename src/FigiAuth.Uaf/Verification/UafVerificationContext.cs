using FigiAuth.Uaf.Messages;
using FigiAuth.Uaf.Metadata;

namespace FigiAuth.Uaf.Verification;

/// <summary>What both response verifiers need from the host.</summary>
public abstract record UafVerificationContext
{
    /// <summary>The AppID this server issues requests for (an https URL, or empty when requests leave it to the client).</summary>
    public required string AppId { get; init; }

    /// <summary>Trusted facet IDs for upv 1.1 (REG-07 / AUTH-07).</summary>
    public required IReadOnlyCollection<string> TrustedFacetIds { get; init; }

    public required IMetadataStore Metadata { get; init; }

    public required IUafCeremonyStore Ceremonies { get; init; }

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>When set, <c>header.serverData</c> must carry this protector's MAC (REG-03 / AUTH-03).</summary>
    public ServerDataProtector? ServerDataProtector { get; init; }

    /// <summary>When set, a <c>channelBinding</c> that names another TLS certificate rejects with 1490.</summary>
    public UafChannelBindingExpectation? ChannelBinding { get; init; }

    public UafMessageReaderOptions ReaderOptions { get; init; } = UafMessageReaderOptions.Strict;
}
