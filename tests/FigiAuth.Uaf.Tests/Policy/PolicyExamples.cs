using System.Text.Json;
using System.Text.Json.Nodes;
using FigiAuth.Uaf.Messages;

namespace FigiAuth.Uaf.Tests.Policy;

/// <summary>The seven policies of spec-v1.1-policy-examples.json, by example number.</summary>
internal static class PolicyExamples
{
    public static UafPolicy Get(int example)
    {
        var all = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "vectors", "spec-v1.1-policy-examples.json")))!.AsArray();
        var policy = all.Single(e => (int)e!["example"]! == example)!["policy"]!;
        // Example 7 prints vendorID as a string although MatchCriteria.vendorID is string[]; the
        // wire type is kept strict, so the test reads it as the one-element list it means.
        foreach (var criteria in policy["accepted"]!.AsArray().SelectMany(set => set!.AsArray()))
        {
            if (criteria!["vendorID"] is JsonValue vendor)
                criteria["vendorID"] = new JsonArray(vendor.GetValue<string>());
        }
        return JsonSerializer.Deserialize(policy.ToJsonString(), UafJsonContext.Default.UafPolicy)!;
    }
}
