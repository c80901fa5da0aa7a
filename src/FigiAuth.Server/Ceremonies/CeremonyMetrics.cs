using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace FigiAuth.Server.Ceremonies;

/// <summary>
/// Ceremony metrics on the "FigiAuth" meter, scraped at /metrics: the counter
/// <c>figiauth_ceremonies_total{operation,status}</c> and the histogram <c>figiauth_ceremony_duration_ms</c>.
/// </summary>
public sealed class CeremonyMetrics
{
    public const string MeterName = "FigiAuth";

    readonly Counter<long> ceremonies;
    readonly Histogram<double> duration;

    public CeremonyMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        ceremonies = meter.CreateCounter<long>("figiauth_ceremonies_total", description: "Ceremonies answered, by operation and outcome");
        duration = meter.CreateHistogram<double>("figiauth_ceremony_duration_ms", description: "Time to answer a ceremony request in milliseconds");
    }

    /// <summary>Records one answered request. operation: e.g. "uaf.reg.get", "uaf.auth.respond"; status: e.g. "1200", "1498".</summary>
    public void Record(string operation, string status, TimeSpan elapsed)
    {
        var tags = new TagList { { "operation", operation }, { "status", status } };
        ceremonies.Add(1, tags);
        duration.Record(elapsed.TotalMilliseconds, tags);
    }
}
