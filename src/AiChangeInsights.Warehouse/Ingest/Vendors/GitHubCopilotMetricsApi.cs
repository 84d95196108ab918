namespace AiChangeInsights.Warehouse.Ingest.Vendors;

/// <summary>
/// The GitHub Copilot metrics API, <c>GET /orgs/{org}/copilot/metrics</c> (JSON; closed by GitHub on 2 April 2026 in
/// favour of the usage metrics reports): one object per day with total_active_users, total_engaged_users and totals per
/// editor, model and language (https://docs.github.com/en/rest/copilot/copilot-metrics). It has no per-person rows, and
/// our usage facts are per person (adoption counts who is active, in which department): organisation totals would need
/// invented people. So it is recognised and refused with the way to the exports that do fit.
/// </summary>
public sealed class GitHubCopilotMetricsApi : VendorExport
{
    public override string Name => "GitHub Copilot metrics API (organisation daily totals)";
    public override Source Template { get; } = SourceCatalog.Find("usage");
    public override IReadOnlyList<string> Signature => ["date", "total_active_users", "total_engaged_users"];
    public override IReadOnlyDictionary<string, string[]> Columns { get; } = new Dictionary<string, string[]>();

    public override string Refusal =>
        "it holds organisation-wide daily totals (active and engaged users per day), not one row per person, so it cannot show " +
        "who adopts Copilot in which department. Import the GitHub Copilot activity report (organisation settings > Copilot > " +
        "Access > Get report) or the per-user usage metrics report (GET /orgs/{org}/copilot/metrics/reports/users-1-day, the " +
        "NDJSON file it links to) instead.";
}
