using System.Text.Json;
using FigiAuth.Server.Data;
using FigiAuth.Server.Uaf;
using FigiAuth.Uaf.Metadata;
using Microsoft.EntityFrameworkCore;

namespace FigiAuth.Server.Admin.Metadata;

/// <summary>
/// At start (after migrations): applies the administrators' stored metadata changes over the configured ones:
/// statements added or replaced, statements removed, then the last imported MDS3 BLOB (verified again; refused
/// when FigiAuth:Uaf:MdsBlobPath already holds a newer one). A stored change that no longer reads is logged and skipped.
/// </summary>
internal sealed partial class MetadataOverrideLoader(IServiceScopeFactory scopes, UafMetadata metadata, ILogger<MetadataOverrideLoader> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FigiAuthDbContext>();
        var changes = await db.MetadataOverrides.AsNoTracking().OrderBy(m => m.Kind).ThenBy(m => m.Id).ToListAsync(cancellationToken);
        foreach (var change in changes)
        {
            Apply(change);
        }

        if (changes.Count > 0)
        {
            Applied(logger, changes.Count);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    void Apply(MetadataOverride change)
    {
        switch (change.Kind)
        {
            case MetadataOverrideKind.Statement:
                try
                {
                    metadata.AddOrReplace(MetadataStatementReader.Read(change.Content ?? ""));
                }
                catch (Exception e) when (e is MetadataFormatException or JsonException)
                {
                    Skipped(logger, change.Id, e.Message);
                }

                break;
            case MetadataOverrideKind.Removal:
                metadata.Remove(change.Aaid);
                break;
            case MetadataOverrideKind.Blob when metadata.Repository.ImportBlob(change.Content ?? "").Failure is { } failure:
                Skipped(logger, change.Id, $"{failure.StepId}: {failure.Detail}");
                break;
        }
    }

    [LoggerMessage(EventId = 4111, Level = LogLevel.Information, Message = "UAF metadata: {Count} administrator changes applied from the database")]
    static partial void Applied(ILogger logger, int count);

    [LoggerMessage(EventId = 4112, Level = LogLevel.Warning, Message = "UAF metadata: stored change {Id} not applied: {Reason}")]
    static partial void Skipped(ILogger logger, string id, string reason);
}
