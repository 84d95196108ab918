using static AiChangeInsights.Warehouse.Ingest.ColumnTyping;

namespace AiChangeInsights.Warehouse.Ingest.Vendors;

/// <summary>
/// GitHub Copilot activity report: organisation settings > Copilot > Access > "Get report" (CSV), one row per seat with
/// the last Copilot activity: report_time, login, last_authenticated_at, last_activity_at, last_surface_used
/// (https://docs.github.com/en/copilot/reference/metrics-data#copilot-activity-report and
/// https://docs.github.com/en/copilot/how-tos/administer/organizations/reviewing-activity-related-to-github-copilot-in-your-organization/reviewing-user-activity-data-for-copilot-in-your-organization).
/// Older reports and the seats API call the surface last_activity_editor ("vscode/1.77.3/copilot/1.86.82"); both are read.
/// Each seat with a last activity becomes one usage row on that day, feature = the editor or GitHub surface without its
/// version ("VS Code 1.89.1" -> "VS Code"; "Unspecified" -> none). Seats without activity ("None", empty; GitHub forgets
/// activity after 90 days) add no rows. last_authenticated_at is a sign-in, not use, and is not read.
/// GitHub logins are not e-mail addresses: see <see cref="GitHubLogins"/>.
/// </summary>
public sealed class GitHubCopilotActivityReport : VendorExport
{
    public const string Tool = "GitHub Copilot";

    public override string Name => "GitHub Copilot activity report";
    public override Source Template { get; } = SourceCatalog.Find("usage");
    public override IReadOnlyList<string> Signature => ["login", "last_activity_at"];

    public override IReadOnlyDictionary<string, string[]> Columns { get; } = new Dictionary<string, string[]>
    {
        ["user"] = ["login"],
        ["date"] = ["last_activity_at"],
        ["feature"] = ["last_surface_used", "last_activity_editor"],
    };

    public override IReadOnlySet<string> Ignored { get; } = new HashSet<string> { "name", "email", "assignee_name" };

    public override IReadOnlyList<string>? PersonKinds => GitHubLogins.Kinds;

    public override ImportRequest Defaults(ImportRequest request, string fileName) => request with { Tool = request.Tool ?? Tool };

    public override string? Reshape(HeaderMatch match, ImportRequest request)
    {
        const string date = "nullif(trim(\"date\"), '')";
        var active = $"{date} is not null and lower({date}) not in ('none', 'nil', 'null')";
        var feature = match.Columns.ContainsKey("feature")
            ? """
              case when lower(trim(feature)) in ('', 'unspecified', 'none', 'nil', 'null') then null
                   else trim(regexp_replace(regexp_replace(trim(feature), '/.*$', ''), '\s+v?[0-9][0-9.]*$', '')) end as feature
              """
            : "null::varchar as feature";
        var rest = string.Join("", match.Columns.Keys.Where(k => k is not ("user" or "date" or "feature")).Select(k => $", {Q(k)}")
            .Concat(match.Extra.Select(x => $", {Q(x.Name)}")));
        return $"""
            create or replace temp table github_seats as
            select count(*) as seats, count(*) filter (where not ({active})) as inactive from src;
            create or replace temp table src as
            select rowid as _rec, "user", "date", {feature}{rest} from src where {active}
            """;
    }

    public override IReadOnlyList<string> Notes(LoadContext context)
    {
        var (seats, inactive) = context.Query<(long Seats, long Inactive)>("select seats, inactive from github_seats").Single();
        var notes = new List<string>();
        if (inactive > 0) notes.Add($"{inactive} of {seats} seat(s) show no Copilot activity (none in the last 90 days): they add no usage rows.");
        notes.Add("The report holds each seat's last activity only: import it regularly (e.g. weekly) to build up active days.");
        notes.Add(GitHubLogins.Note);
        return notes;
    }
}

/// <summary>What a GitHub login means for joining to the roster, said once for every GitHub export.</summary>
public static class GitHubLogins
{
    /// <summary>A login column holds GitHub logins only: never read as an employee number or an address.</summary>
    public static readonly IReadOnlyList<string> Kinds = [Privacy.Pseudonymiser.GitHub];

    public const string Note =
        "GitHub logins are not e-mail addresses: these users join the roster (department, target group) through its GitHub " +
        "login column (GitHub, GitHub-login, GitHub username), whether the roster is imported before or after this file.";
}
