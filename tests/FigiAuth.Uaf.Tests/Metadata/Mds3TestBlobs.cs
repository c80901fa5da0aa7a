namespace FigiAuth.Uaf.Tests.Metadata;

/// <summary>MDS3 BLOB payloads for the tests: a UAF entry (the FIGI v3 fixture), a FIDO2 entry, a revoked UAF entry.</summary>
internal static class Mds3TestBlobs
{
    public static string Payload(long no, string nextUpdate = "2025-07-01")
    {
        var figi = MetadataTestFiles.Fixture("figi-sample-authenticator-v3.json");
        var revoked = figi.Replace("F161#0001", "F161#0002");
        return $$"""
        {
          "legalHeader": "test BLOB",
          "no": {{no}},
          "nextUpdate": "{{nextUpdate}}",
          "entries": [
            { "aaid": "F161#0001", "metadataStatement": {{figi}},
              "statusReports": [ { "status": "FIDO_CERTIFIED_L1", "effectiveDate": "2024-01-01" },
                                 { "status": "SOME_FUTURE_STATUS", "effectiveDate": "2024-02-01" } ],
              "timeOfLastStatusChange": "2024-01-01" },
            { "aaid": "F161#0002", "metadataStatement": {{revoked}},
              "statusReports": [ { "status": "REVOKED", "effectiveDate": "2025-01-01" },
                                 { "status": "FIDO_CERTIFIED", "effectiveDate": "2023-01-01" } ],
              "timeOfLastStatusChange": "2025-01-01" },
            { "aaguid": "0132d110-bf4e-4208-a403-ab4f5f12efe5",
              "metadataStatement": { "aaguid": "0132d110-bf4e-4208-a403-ab4f5f12efe5", "protocolFamily": "fido2", "schema": 3 },
              "statusReports": [ { "status": "FIDO_CERTIFIED", "effectiveDate": "2024-01-01" } ],
              "timeOfLastStatusChange": "2024-01-01" }
          ]
        }
        """;
    }
}
