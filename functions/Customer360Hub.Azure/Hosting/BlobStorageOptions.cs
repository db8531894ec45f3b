using System.ComponentModel.DataAnnotations;

namespace Customer360Hub.Azure.Hosting;

/// <summary>Section <c>Azure:Storage</c>: the hub's blob containers (created by infra/modules/storage.bicep). Access by managed identity only.</summary>
public sealed class BlobStorageOptions
{
    public const string SectionName = "Azure:Storage";

    /// <summary>The blob endpoint, e.g. <c>https://c360prod.blob.core.windows.net/</c>.</summary>
    [Required]
    public Uri? BlobServiceUri { get; set; }

    /// <summary>Raw source pages, date-partitioned; changed only by erasure.</summary>
    [Required]
    public string RawContainer { get; set; } = "raw";

    [Required]
    public string CheckpointsContainer { get; set; } = "checkpoints";

    /// <summary>The API's audit trail in append blobs (an immutability policy keeps it append-only).</summary>
    [Required]
    public string AuditContainer { get; set; } = "audit";

    /// <summary>Batch files for the file-drop connector (read in name order).</summary>
    [Required]
    public string FileDropContainer { get; set; } = "filedrop";
}
