namespace FigiAuth.Server.Admin.Metadata;

/// <summary>What a <see cref="MetadataOverride"/> row holds. Stored as its number: do not renumber.</summary>
public enum MetadataOverrideKind
{
    /// <summary>A trusted statement added or replaced by an administrator; Content is its JSON.</summary>
    Statement = 0,

    /// <summary>A statement an administrator removed (also one from FigiAuth:Uaf:MetadataPath); no Content.</summary>
    Removal = 1,

    /// <summary>The last MDS3 BLOB imported through the admin API; Content is the JWS.</summary>
    Blob = 2,
}
