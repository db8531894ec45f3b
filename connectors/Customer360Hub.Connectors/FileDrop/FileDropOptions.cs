using System.ComponentModel.DataAnnotations;
using Customer360Hub.Connectors.Sdk;

namespace Customer360Hub.Connectors.FileDrop;

/// <summary>
/// Batch files (section <c>Connectors:FileDrop</c>): CSV with a header row, or NDJSON, with the
/// canonical party columns (<c>record_id</c>, <c>given_name</c>, ...) unless a mapping says otherwise.
/// </summary>
public sealed class FileDropOptions : ConnectorOptions
{
    public const string SectionName = "Connectors:FileDrop";

    /// <summary>
    /// The local folder files are dropped into (local hosts). The Functions app reads the Blob
    /// container <c>Azure:Storage:FileDropContainer</c> instead and ignores this.
    /// </summary>
    public string Folder { get; set; } = string.Empty;

    /// <summary>The entity type records get in their record key (<c>filedrop/{EntityType}/{record_id}</c>).</summary>
    [Required]
    [RegularExpression("^[A-Za-z0-9_-]+$")]
    public string EntityType { get; set; } = "members";

    // Files have no API root; the shared BaseUrl requirement is met with the local file scheme.
    public FileDropOptions() => BaseUrl = new Uri("file:///");
}
