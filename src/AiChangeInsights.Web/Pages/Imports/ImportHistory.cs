using System.Globalization;
using AiChangeInsights.Web.Text;
using Dapper;

namespace AiChangeInsights.Web.Pages.Imports;

/// <summary>
/// The import history (table import_history) as the Imports pages show it: one row per import attempt, with the
/// words for its source and status in the page's language. Times are stored in UTC.
/// </summary>
public static class ImportHistory
{
    public sealed record Row
    {
        public long ImportId { get; init; }
        public string FileName { get; init; } = "";
        public string? Source { get; init; }
        public string? Format { get; init; }
        public string Status { get; init; } = "";
        public long RowsRead { get; init; }
        public long RowsLoaded { get; init; }
        public long RowsRejected { get; init; }
        public long Duplicates { get; init; }
        public string? Message { get; init; }
        public string ImportedBy { get; init; } = "";
        public DateTime StartedAt { get; init; }
        public DateTime FinishedAt { get; init; }
        public long DurationMs { get; init; }
        public DateTime? UndoneAt { get; init; }
        public string? UndoneBy { get; init; }

        public bool CanUndo => Status == "loaded";
    }

    const string Select = """
        select import_id, file_name, source, format, status, rows_read, rows_loaded, rows_rejected, duplicates, message,
               imported_by, started_at, finished_at, duration_ms, undone_at, undone_by
        from import_history
        """;

    /// <summary>Newest first, <paramref name="count"/> rows from <paramref name="skip"/>.</summary>
    public static IReadOnlyList<Row> Newest(Warehouse.Warehouse warehouse, int skip, int count) => warehouse.Read(c => c.Query<Row>(
        $"{Select} order by import_id desc limit $count offset $skip", new { count, skip }).ToList());

    public static long Count(Warehouse.Warehouse warehouse) => warehouse.Read(c => c.ExecuteScalar<long>("select count(*) from import_history"));

    public static Row? Find(Warehouse.Warehouse warehouse, long importId) => warehouse.Read(c => c.QueryFirstOrDefault<Row>(
        $"{Select} where import_id = $importId", new { importId }));

    public static string StatusLabel(string status) => status switch
    {
        "loaded" => Lang.T("Loaded", "Geladen"),
        "rejected" => Lang.T("Rejected", "Afgewezen"),
        "already_imported" => Lang.T("Already imported", "Al geïmporteerd"),
        "cancelled" => Lang.T("Cancelled", "Geannuleerd"),
        "undone" => Lang.T("Undone", "Ongedaan gemaakt"),
        "failed" => Lang.T("Failed", "Mislukt"),
        _ => status,
    };

    public static string SourceLabel(string? source) => source switch
    {
        null => Lang.T("not recognised", "niet herkend"),
        "roster" => Lang.T("Roster (HR)", "Personeelslijst (HR)"),
        "usage" => Lang.T("Usage", "Gebruik"),
        "training" => Lang.T("Training", "Training"),
        "survey" => Lang.T("Survey", "Enquête"),
        "activities" => Lang.T("Change activities", "Veranderactiviteiten"),
        "business_metrics" => Lang.T("Business metrics", "Bedrijfscijfers"),
        "ideas" => Lang.T("Ideas", "Ideeën"),
        "support_tickets" => Lang.T("Support tickets", "Supporttickets"),
        "maturity" => Lang.T("Maturity assessment", "Volwassenheidsmeting"),
        _ => source,
    };

    /// <summary>A time the importer stored in UTC (started_at, finished_at), in the user's culture and the server's time zone.</summary>
    public static string When(DateTime utc, CultureInfo culture) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToLocalTime().ToString("g", culture);

    /// <summary>
    /// A time DuckDB stored from now() (undone_at, survey_question.mapped_at): already the server's wall-clock time,
    /// because a timestamptz becomes a timestamp in the session's time zone.
    /// </summary>
    public static string WhenLocal(DateTime local, CultureInfo culture) => local.ToString("g", culture);

    public static string Duration(long milliseconds, CultureInfo culture) => milliseconds switch
    {
        < 1000 => milliseconds.ToString("N0", culture) + " ms",
        < 60_000 => (milliseconds / 1000.0).ToString("N1", culture) + " s",
        _ => $"{milliseconds / 60_000} min {milliseconds / 1000 % 60} s",
    };
}
