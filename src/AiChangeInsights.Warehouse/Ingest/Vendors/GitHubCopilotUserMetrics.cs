using static AiChangeInsights.Warehouse.Ingest.ColumnTyping;

namespace AiChangeInsights.Warehouse.Ingest.Vendors;

/// <summary>
/// GitHub Copilot usage metrics, per-user report: the NDJSON file linked from
/// <c>GET /orgs/{org}/copilot/metrics/reports/users-1-day?day=YYYY-MM-DD</c> (or users-28-day; enterprise variants under
/// /enterprises/{enterprise}/…), one object per user and day (https://docs.github.com/en/rest/copilot/copilot-usage-metrics;
/// fields in https://docs.github.com/en/copilot/reference/copilot-usage-metrics/example-schema): day, user_login, user_id,
/// user_initiated_interaction_count, code_generation_activity_count, code_acceptance_activity_count, loc_* sums,
/// totals_by_feature [{feature, user_initiated_interaction_count, code_generation_activity_count,
/// code_acceptance_activity_count, …}], totals_by_ide, totals_by_language_*, totals_by_cli {prompt_count, …}, used_chat,
/// used_agent, used_cli.
/// Each feature with activity that day becomes a usage row (feature = its name, e.g. code_completion; actions = its
/// user-initiated interactions + accepted suggestions); CLI prompts become feature "cli"; a user-day without any of these
/// still counts as one row without a feature. Lines of code, models, languages and IDE versions are not read.
/// GitHub logins are not e-mail addresses: see <see cref="GitHubLogins"/>.
/// </summary>
public sealed class GitHubCopilotUserMetrics : VendorExport
{
    public override string Name => "GitHub Copilot usage metrics (per user)";
    public override Source Template { get; } = SourceCatalog.Find("usage");
    public override IReadOnlyList<string> Signature => ["day", "user_login"];

    public override IReadOnlyDictionary<string, string[]> Columns { get; } = new Dictionary<string, string[]>
    {
        ["user"] = ["user_login"],
        ["date"] = ["day"],
    };

    public override IReadOnlyList<string> Produces => ["feature", "actions"];

    public override IReadOnlyList<string>? PersonKinds => GitHubLogins.Kinds;

    static readonly IReadOnlySet<string> Read = new HashSet<string> { "totals_by_feature", "totals_by_cli", "user_initiated_interaction_count" };

    public override bool KeepsExtraColumn(string normalisedHeader) => Read.Contains(normalisedHeader);

    public override string ExtraHeader(IReadOnlyList<Files.HeadRecord> headerRows, int field) => Headers.Normalise(headerRows[0].Fields[field]);

    public override ImportRequest Defaults(ImportRequest request, string fileName) => request with { Tool = request.Tool ?? GitHubCopilotActivityReport.Tool };

    public override string? Reshape(HeaderMatch match, ImportRequest request)
    {
        string Cell(string header) => match.Extra.FirstOrDefault(x => x.Header == header) is { } x ? $"nullif(trim(f.{Q(x.Name)}), '')" : "null::varchar";
        static string Count(string json, string path) => $"coalesce(try_cast(json_extract({json}, '{path}') as bigint), 0)";
        var nulls = string.Join("", match.Extra.Select(x => $", null::varchar as {Q(x.Name)}"));
        return $"""
            create or replace temp table src as
            with f as (select rowid as _rec, * from src),
            features as (
                select _rec, "user", "date", unnest(from_json(coalesce({Cell("totals_by_feature")}, '[]'), '["json"]')) as j from f
            ),
            feature_rows as (
                select _rec, "user", "date", json_extract_string(j, '$.feature') as feature,
                       ({Count("j", "$.user_initiated_interaction_count")} + {Count("j", "$.code_acceptance_activity_count")})::varchar as actions
                from features
                where {Count("j", "$.user_initiated_interaction_count")} + {Count("j", "$.code_generation_activity_count")}
                      + {Count("j", "$.code_acceptance_activity_count")} > 0
                union all
                select _rec, "user", "date", 'cli', {Count(Cell("totals_by_cli"), "$.prompt_count")}::varchar from f
                where {Count(Cell("totals_by_cli"), "$.prompt_count")} > 0
            )
            select r._rec, r."user", r."date", r.feature, r.actions{nulls}
            from (
                select * from feature_rows
                union all
                select f._rec, f."user", f."date", null, {Cell("user_initiated_interaction_count")} from f
                where f._rec not in (select _rec from feature_rows)
            ) r
            order by r._rec, r.feature
            """;
    }

    public override IReadOnlyList<string> Notes(LoadContext context) => [GitHubLogins.Note];
}
