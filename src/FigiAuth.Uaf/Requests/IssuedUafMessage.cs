using FigiAuth.Uaf.Verification;

namespace FigiAuth.Uaf.Requests;

/// <summary>A request ready to send: the record, its wire JSON (the stringified array) and the ledger entry to store (UAF-REQ-01).</summary>
public sealed record IssuedUafMessage<TRequest>(TRequest Request, string Json, IssuedUafRequest Ledger);
