using static AiChangeInsights.Warehouse.Ingest.ColumnTyping;

namespace AiChangeInsights.Warehouse.Ingest.Vendors;

/// <summary>
/// Microsoft 365 Copilot usage, user detail: the CSV behind admin center > Reports > Usage > Microsoft 365 Copilot >
/// Export, and the Graph report <c>getMicrosoft365CopilotUsageUserDetail</c> (CSV). One row per licensed user with the
/// last date each app was used; each app date becomes a usage row (date = that date, feature = the app).
/// <para>Column versions, all accepted by header name:</para>
/// <list type="bullet">
/// <item>Graph version 1 ("… Copilot Last Activity Date"): Report Refresh Date, User Principal Name, Display Name, Last
/// Activity Date, Copilot Chat Last Activity Date, Microsoft Teams/Word/Excel/PowerPoint/Outlook/OneNote/Loop Copilot Last
/// Activity Date, Report Period
/// (https://learn.microsoft.com/graph/api/reportroot-getmicrosoft365copilotusageuserdetail).</item>
/// <item>Graph version 2 adds Prompts submitted for all apps / for Copilot Chat (work) / (web), Active Usage Days for all
/// apps, Copilot Chat (work) / Copilot Chat (web) / Microsoft 365 Copilot / Edge / Copilot Agent Last Activity Date
/// (https://learn.microsoft.com/microsoft-365/copilot/extensibility/api/admin-settings/reports/copilotreportroot-getmicrosoft365copilotusageuserdetail).</item>
/// <item>The admin center's table names ("User name", "Last activity date of Teams Copilot (UTC)", …, "Last activity date
/// of Copilot Chat (work) (UTC)", "Last activity date of any agent (UTC)";
/// https://learn.microsoft.com/microsoft-365/admin/activity-reports/microsoft-365-copilot-usage). Microsoft documents
/// these as the table's columns, not as the export's headers; exports seen in public code use them, so they are accepted
/// too.</item>
/// </list>
/// Not read: Display Name (a name); Report Refresh Date and Report Period; the prompt counts and active-day counts (they
/// cover the whole report period, not a day); the "Microsoft 365 Copilot"/"Microsoft 365 App" and "Edge" dates, which
/// are entry points of Copilot Chat already counted in its (work)/(web) dates. When the (work)/(web) split is present,
/// the older combined "Copilot Chat" date is skipped for the same reason. The overall Last Activity Date becomes a row
/// ("Other Copilot app") only when no app date equals it: activity in an app the report has no column for.
/// Concealed names (admin center > Settings > Org settings > Services > Reports: "Display concealed user, group, and
/// site names in all reports" switched off — the default) replace the UPN by an MD5 hash: such users count, but cannot
/// join to the roster; <see cref="Notes"/> says how many.
/// </summary>
public sealed class Microsoft365CopilotUsageExport : VendorExport
{
    public const string Tool = "Microsoft 365 Copilot";
    const string OtherApp = "Other Copilot app";
    const string CombinedChat = "Copilot Chat";

    /// <summary>A concealed user name is the MD5 hash of the real one: 32 hex digits.</summary>
    const string ConcealedPattern = "[0-9A-Fa-f]{32}";

    /// <summary>Normalised app-date header -> the feature it becomes; null for headers that are read but add no row.</summary>
    static readonly IReadOnlyDictionary<string, string?> AppDates = new Dictionary<string, string?>
    {
        // Graph (version 1 and 2)
        ["microsoft_teams_copilot_last_activity_date"] = "Teams",
        ["word_copilot_last_activity_date"] = "Word",
        ["excel_copilot_last_activity_date"] = "Excel",
        ["powerpoint_copilot_last_activity_date"] = "PowerPoint",
        ["outlook_copilot_last_activity_date"] = "Outlook",
        ["onenote_copilot_last_activity_date"] = "OneNote",
        ["loop_copilot_last_activity_date"] = "Loop",
        ["copilot_chat_last_activity_date"] = CombinedChat,
        ["copilot_chat_work_last_activity_date"] = "Copilot Chat (work)",
        ["copilot_chat_web_last_activity_date"] = "Copilot Chat (web)",
        ["copilot_agent_last_activity_date"] = "Agents",
        // Admin center table names
        ["last_activity_date_of_teams_copilot_utc"] = "Teams",
        ["last_activity_date_of_word_copilot_utc"] = "Word",
        ["last_activity_date_of_excel_copilot_utc"] = "Excel",
        ["last_activity_date_of_powerpoint_copilot_utc"] = "PowerPoint",
        ["last_activity_date_of_outlook_copilot_utc"] = "Outlook",
        ["last_activity_date_of_onenote_copilot_utc"] = "OneNote",
        ["last_activity_date_of_loop_copilot_utc"] = "Loop",
        ["last_activity_date_of_copilot_chat_work_utc"] = "Copilot Chat (work)",
        ["last_activity_date_of_copilot_chat_web_utc"] = "Copilot Chat (web)",
        ["last_activity_date_of_any_agent_utc"] = "Agents",
        ["last_activity_date_of_copilot_agent_utc"] = "Agents",
    };

    static readonly IReadOnlySet<string> OverallDate = new HashSet<string>
    {
        "last_activity_date", "last_activity_date_utc", "last_activity_date_utc_universal_time_code",
    };

    public override string Name => "Microsoft 365 Copilot usage report (user detail)";
    public override Source Template { get; } = SourceCatalog.Find("usage");

    /// <summary>The Graph names; <see cref="Recognises"/> accepts the admin center's names as well.</summary>
    public override IReadOnlyList<string> Signature =>
        ["user_principal_name", "last_activity_date", "microsoft_teams_copilot_last_activity_date", "copilot_chat_last_activity_date"];

    public override bool Recognises(IReadOnlySet<string> headers) =>
        (headers.Contains("user_principal_name") || headers.Contains("user_name")) && headers.Any(h => AppDates.ContainsKey(h));

    /// <summary>Every Microsoft 365 usage report (Teams, Outlook, OneDrive, …) opens with these.</summary>
    public override IReadOnlyList<string> Family => ["report_refresh_date", "user_principal_name"];

    public override string FamilyName => "a Microsoft 365 usage report";

    public override IReadOnlyDictionary<string, string[]> Columns { get; } = new Dictionary<string, string[]>
    {
        ["user"] = ["user_principal_name", "user_name"],
    };

    public override IReadOnlyList<string> Produces => ["date", "feature"];

    /// <summary>The user is a UPN (or its concealed hash), which a roster's UPN column or, where they are alike, its address joins.</summary>
    public override IReadOnlyList<string>? PersonKinds { get; } = [Privacy.Pseudonymiser.Upn, Privacy.Pseudonymiser.Email];

    public override IReadOnlySet<string> Ignored { get; } = new HashSet<string>
    {
        "display_name", "report_refresh_date", "report_period",
    };

    public override bool KeepsExtraColumn(string normalisedHeader) =>
        AppDates.ContainsKey(normalisedHeader) || OverallDate.Contains(normalisedHeader);

    /// <summary>An app column goes by its feature; the overall date by an empty name.</summary>
    public override string ExtraHeader(IReadOnlyList<Files.HeadRecord> headerRows, int field)
    {
        var normalised = Headers.Normalise(headerRows[0].Fields[field]);
        return AppDates.GetValueOrDefault(normalised) ?? "";
    }

    public override ImportRequest Defaults(ImportRequest request, string fileName) => request with { Tool = request.Tool ?? Tool };

    /// <summary>One row per user x app with a date, keeping the file record (<c>_rec</c>) so a bad date names its line.</summary>
    public override string? Reshape(HeaderMatch match, ImportRequest request)
    {
        var apps = match.Extra.Where(x => x.Header.Length > 0).ToList();
        if (apps.Any(x => x.Header.StartsWith(CombinedChat + " (", StringComparison.Ordinal)))
            apps = apps.Where(x => x.Header != CombinedChat).ToList();
        var overall = match.Extra.FirstOrDefault(x => x.Header.Length == 0);
        string Value(ExtraColumn x) => $"nullif(trim(f.{Q(x.Name)}), '')";

        var perApp = apps.Select(x => $"select f._rec, f.\"user\", {L(x.Header)} as feature, {Value(x)} as \"date\" from f where {Value(x)} is not null");
        var other = overall is null
            ? ""
            : $"""
               union all
               select f._rec, f."user", {L(OtherApp)}, {Value(overall)} from f
               where {Value(overall)} is not null and not exists (select 1 from apps a where a._rec = f._rec and a."date" = {Value(overall)})
               """;
        var nulls = string.Join(", ", match.Extra.Select(x => $"null::varchar as {Q(x.Name)}"));
        return $"""
            create or replace temp table m365_copilot_users as
            select count(*) as users,
                   count(*) filter (where {(match.Extra.Count == 0 ? "true" : $"coalesce({string.Join(", ", match.Extra.Select(x => $"nullif(trim({Q(x.Name)}), '')"))}) is null")}) as inactive,
                   count(*) filter (where regexp_full_match(trim("user"), {L(ConcealedPattern)})) as concealed
            from src;
            create or replace temp table src as
            with f as (select rowid as _rec, * from src),
                 apps as ({(perApp.Any() ? string.Join(" union all ", perApp) : "select null::bigint as _rec, null::varchar as \"user\", null::varchar as feature, null::varchar as \"date\" where false")})
            select r._rec, r."user", r.feature, r."date", {nulls}
            from (select * from apps {other}) r
            order by r._rec, r.feature
            """;
    }

    /// <summary>A row's date came from its app's column (the feature), or from the overall date for "Other Copilot app".</summary>
    public override IReadOnlyDictionary<string, (string Position, string Header)> ColumnOfRow(HeaderMatch match)
    {
        var sources = match.Extra.Select(x => (Feature: x.Header.Length == 0 ? OtherApp : x.Header, x.Field))
            .DistinctBy(s => s.Feature).ToList();
        if (sources.Count == 0) return base.ColumnOfRow(match);
        string When(Func<(string Feature, int Field), string> value) =>
            $"case feature {string.Join(" ", sources.Select(s => $"when {L(s.Feature)} then {value(s)}"))} end";
        return new Dictionary<string, (string, string)>
        {
            ["date"] = (When(s => (s.Field + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)),
                When(s => L(match.Header.Fields[s.Field].Trim()))),
        };
    }

    public override IReadOnlyList<string> Notes(LoadContext context)
    {
        var notes = new List<string>();
        var (users, inactive, concealed) = context.Query<(long Users, long Inactive, long Concealed)>(
            "select users, inactive, concealed from m365_copilot_users").Single();
        if (inactive > 0)
            notes.Add($"{inactive} of {users} licensed user(s) have no Copilot activity date in the report: they add no usage rows.");
        if (concealed > 0)
            notes.Add($"{concealed} user(s) have concealed names (hashed identifiers): they count as users but cannot join to the roster. " +
                      "To join them, switch on 'Display concealed user, group, and site names in all reports' (admin center > Settings > " +
                      "Org settings > Services > Reports) and export again.");
        notes.Add("The report holds the last date per app, not every day of use: import it regularly (e.g. weekly) to build up the days.");
        return notes;
    }
}
