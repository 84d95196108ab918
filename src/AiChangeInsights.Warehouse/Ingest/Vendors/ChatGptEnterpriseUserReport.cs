using static AiChangeInsights.Warehouse.Ingest.ColumnTyping;

namespace AiChangeInsights.Warehouse.Ingest.Vendors;

/// <summary>
/// ChatGPT Enterprise / Edu user report: workspace settings > (workspace / user) analytics > Export, "monthly" or
/// "weekly" user report, CSV, one row per member per period; one file may hold several periods
/// (https://help.openai.com/en/articles/10875114-user-analytics-for-chatgpt-enterprise-and-edu).
/// OpenAI does not publish the column list. The names used here are those of real exports as read by public code
/// (several independent parsers agree): cadence, period_start, period_end, account_id, public_id, name, email, role,
/// user_role, department, groups, user_status, created_or_invited_date, is_active, first_day_active_in_period,
/// last_day_active_in_period, messages, messages_rank, model_to_messages, gpt_messages, gpts_messaged, gpt_to_messages,
/// tool_messages, tools_messaged, tool_to_messages, project_messages, projects_messaged, project_to_messages,
/// projects_created, last_day_active. Only the ones mapped below are read.
/// <para>
/// A member active in a period (messages above 0) becomes one "Chat" usage row on the first day active in the period
/// (period_start when that is empty) with actions = messages, plus one row without actions per other feature used
/// (GPTs, tools, projects): their messages are part of the Chat row's, so they add breadth, not volume. The export is
/// per period, so each member-period counts as one active day: active days per user are a lower bound.
/// Inactive members add no rows. Names, roles, departments and groups (SCIM) are never read: the roster says who is where.
/// </para>
/// </summary>
public sealed class ChatGptEnterpriseUserReport : VendorExport
{
    public const string Tool = "ChatGPT Enterprise";
    const string PeriodStart = "period_start";

    static readonly IReadOnlyDictionary<string, string> SubFeatures = new Dictionary<string, string>
    {
        ["gpt_messages"] = "GPTs",
        ["tool_messages"] = "Tools",
        ["project_messages"] = "Projects",
    };

    public override string Name => "ChatGPT Enterprise user report";
    public override Source Template { get; } = SourceCatalog.Find("usage");
    public override IReadOnlyList<string> Signature => ["period_start", "period_end", "email", "messages", "first_day_active_in_period"];

    /// <summary>The GPT engagement report of the same export dialog has these too, but no e-mail or messages per member.</summary>
    public override IReadOnlyList<string> Family => ["cadence", "period_start", "period_end"];

    public override string FamilyName => "a ChatGPT Enterprise analytics export";

    public override IReadOnlyDictionary<string, string[]> Columns { get; } = new Dictionary<string, string[]>
    {
        ["user"] = ["email"],
        ["date"] = ["first_day_active_in_period"],
        ["actions"] = ["messages"],
    };

    public override IReadOnlyList<string> Produces => ["feature"];

    public override IReadOnlySet<string> Ignored { get; } = new HashSet<string>
    {
        "name", "public_id", "account_id", "role", "user_role", "department", "groups", "user_status", "created_or_invited_date",
        "model_to_messages", "gpt_to_messages", "tool_to_messages", "project_to_messages", "messages_rank",
    };

    public override bool KeepsExtraColumn(string normalisedHeader) => normalisedHeader == PeriodStart || SubFeatures.ContainsKey(normalisedHeader);

    public override string ExtraHeader(IReadOnlyList<Files.HeadRecord> headerRows, int field) => Headers.Normalise(headerRows[0].Fields[field]);

    public override ImportRequest Defaults(ImportRequest request, string fileName) => request with { Tool = request.Tool ?? Tool };

    public override string? Reshape(HeaderMatch match, ImportRequest request)
    {
        string Extra(string header) => match.Extra.FirstOrDefault(x => x.Header == header) is { } x ? $"nullif(trim(f.{Q(x.Name)}), '')" : "null::varchar";
        // "0" and empty are no messages; anything else (also text) stays, for typing to judge.
        static string Used(string value) => $"({value} is not null and coalesce(try_cast({value} as double), 1) <> 0)";
        var messages = "nullif(trim(f.actions), '')";
        var firstActive = "nullif(trim(f.\"date\"), '')";
        var date = $"coalesce({firstActive}, {Extra(PeriodStart)})";
        // period_start stays only on the rows that took their date from it, so a bad one names that column (ColumnOfRow).
        var fromPeriod = $"case when {firstActive} is null then {Extra(PeriodStart)} end";
        var subRows = SubFeatures.Where(s => match.Extra.Any(x => x.Header == s.Key))
            .Select(s => $"union all select f._rec, f.\"user\", {date}, null, {L(s.Value)}, {fromPeriod} from f where {Used(messages)} and {Used(Extra(s.Key))}");
        var extras = string.Join("", match.Extra.Select(x => x.Header == PeriodStart ? $", r.from_period as {Q(x.Name)}" : $", null::varchar as {Q(x.Name)}"));
        return $"""
            create or replace temp table chatgpt_members as
            select count(*) as member_periods, count(*) filter (where not {Used("nullif(trim(actions), '')")}) as inactive from src;
            create or replace temp table src as
            with f as (select rowid as _rec, * from src)
            select r._rec, r."user", r."date", r.actions, r.feature{extras}
            from (
                select f._rec, f."user", {date} as "date", {messages} as actions, 'Chat' as feature, {fromPeriod} as from_period from f where {Used(messages)}
                {string.Join("\n                ", subRows)}
            ) r
            order by r._rec, r.feature
            """;
    }

    /// <summary>A row dated by period_start (no first day active) names period_start when that date is bad.</summary>
    public override IReadOnlyDictionary<string, (string Position, string Header)> ColumnOfRow(HeaderMatch match)
    {
        if (match.Extra.FirstOrDefault(x => x.Header == PeriodStart) is not { } period) return base.ColumnOfRow(match);
        string When(string value) => $"case when {Q(period.Name)} is not null then {value} end";
        return new Dictionary<string, (string, string)>
        {
            ["date"] = (When((period.Field + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)), When(L(match.Header.Fields[period.Field].Trim()))),
        };
    }

    public override IReadOnlyList<string> Notes(LoadContext context)
    {
        var inactive = context.Scalar<long>("select inactive from chatgpt_members");
        var notes = new List<string>();
        if (inactive > 0) notes.Add($"{inactive} member-period(s) without messages add no usage rows.");
        notes.Add("ChatGPT reports per period: each member's period counts as one active day (the first day active in it).");
        return notes;
    }
}
