using System.Text.Json.Serialization;

namespace AiChangeInsights.Warehouse.Ingest;

/// <summary>What an analyst (or a script) asks of one import.</summary>
public sealed record ImportRequest
{
    /// <summary>Force a source (roster, usage, …) instead of recognising it from the header.</summary>
    public string? Source { get; init; }

    /// <summary>auto, or a locale (nl, en-US, …) that fixes date order and decimal separator.</summary>
    public string Locale { get; init; } = "auto";

    /// <summary>Usage logs without a tool column: the tool's name (default: from the file name).</summary>
    public string? Tool { get; init; }

    /// <summary>Surveys without a survey column: the survey's name (default: from the file name).</summary>
    public string? Survey { get; init; }

    /// <summary>LMS reports about one course that do not name it (Moodle's completion report): the course's name.</summary>
    public string? Course { get; init; }

    public string ImportedBy { get; init; } = "cli";

    /// <summary>The name shown in the history when the path is a temporary upload.</summary>
    public string? FileName { get; init; }
}

/// <summary>The summary of one file's import: DESIGN.md's JSON contract for <c>aci import --json</c> and the API.</summary>
public sealed record ImportSummary
{
    [JsonPropertyName("file")] public required string File { get; init; }
    [JsonPropertyName("source")] public string? Source { get; init; }
    [JsonPropertyName("status")] public required string Status { get; init; }
    [JsonPropertyName("rows_read")] public long RowsRead { get; init; }
    [JsonPropertyName("rows_loaded")] public long RowsLoaded { get; init; }
    [JsonPropertyName("rows_rejected")] public long RowsRejected { get; init; }
    [JsonPropertyName("duplicates")] public long Duplicates { get; init; }
    [JsonPropertyName("message")] public required string Message { get; init; }
    [JsonPropertyName("import_id")] public long? ImportId { get; init; }

    public const string Loaded = "loaded";
    public const string Rejected = "rejected";
    public const string AlreadyImported = "already_imported";
    public const string Cancelled = "cancelled";
}
