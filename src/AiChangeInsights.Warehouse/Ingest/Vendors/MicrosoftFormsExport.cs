namespace AiChangeInsights.Warehouse.Ingest.Vendors;

/// <summary>
/// Microsoft Forms "Open results in Excel" (.xlsx): ID, Start time, Completion time, Email, Name, Last modified
/// time, then one column per question (answers as text labels or numbers). Anonymous forms write "anonymous" as
/// the e-mail. Names and start times are never read; the survey's name comes from --survey or the file name.
/// </summary>
public sealed class MicrosoftFormsExport : VendorExport
{
    public override string Name => "Microsoft Forms export";
    public override Source Template { get; } = SourceCatalog.Find("survey");
    public override IReadOnlyList<string> Signature => ["id", "start_time", "completion_time"];

    public override IReadOnlyDictionary<string, string[]> Columns { get; } = new Dictionary<string, string[]>
    {
        ["response_id"] = ["id"],
        ["submitted_at"] = ["completion_time"],
        ["user"] = ["email"],
    };

    public override IReadOnlySet<string> Ignored { get; } = new HashSet<string>
    {
        "name", "naam", "start_time", "begintijd", "last_modified_time", "total_points", "quiz_feedback", "grade_posted_time",
    };

    /// <summary>Anonymous forms put "anonymous" where the e-mail would be: no person, only the response.</summary>
    public override string? Reshape(HeaderMatch match, ImportRequest request) => match.Columns.ContainsKey("user")
        ? "update src set \"user\" = null where lower(trim(\"user\")) in ('anonymous', 'anoniem', 'anonym')"
        : null;
}
