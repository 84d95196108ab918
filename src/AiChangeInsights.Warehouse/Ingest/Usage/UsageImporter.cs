namespace AiChangeInsights.Warehouse.Ingest.Usage;

/// <summary>
/// System logs of AI tools: one row per event or per person-day. Landed as one row per person x day x tool x
/// feature. A row repeated within the file counts once; a person-day already loaded by an earlier import is a
/// duplicate (kept for an exact undo, with counted = false so fct_usage_daily leaves it out).
/// </summary>
public sealed class UsageImporter : Source
{
    static readonly IReadOnlySet<string> FileNameNoise = new HashSet<string>
    {
        "usage", "gebruik", "log", "logs", "export", "report", "rapport", "data", "activity", "activiteit", "user", "users",
        "detail", "details", "daily", "dagelijks", "ai", "tool", "tools", "csv", "xlsx",
    };

    public override string Name => "usage";
    public override IReadOnlyList<string> OtherNames => ["gebruik", "logs"];
    public override IReadOnlyList<string> RawTables => ["raw_usage", "raw_usage_window"];

    public override IReadOnlyList<SourceColumn> Columns { get; } =
    [
        new("date", ValueKind.Timestamp, "datum", "timestamp", "tijdstip", "day", "dag", "activity_date", "event_date", "event_time",
            "usage_date", "time", "datetime", "created_at") { Required = true, NotInFuture = true },
        new("user", ValueKind.Person, ["gebruiker", .. SourceColumn.MailAliases, "upn", "user_principal_name", "userprincipalname", "medewerker",
            "employee", "username", "login", "user_id"]) { Required = true },
        new("tool", ValueKind.Text, "application", "app", "applicatie", "product", "platform"),
        new("feature", ValueKind.Text, "onderdeel", "capability", "action_type", "module", "feature_name", "function", "functionaliteit"),
        new("duration_minutes", ValueKind.Decimal, "minutes", "minuten", "duur_minuten", "duur", "duration", "active_minutes",
            "gebruiksduur", "tijd_minuten", "duration_min") { Min = 0, Max = 1440 },
        new("actions", ValueKind.Integer, "acties", "events", "prompts", "interactions", "interacties", "aantal", "count", "requests")
            { Min = 0 },
    ];

    /// <summary>
    /// events, active_minutes and actions of one key. DuckDB adds 64-bit values in 128 bits, but 32-bit ones in 64:
    /// a checked row's minutes (at most 1440) fit decimal(9, 4) and its actions an integer (as raw_usage holds them),
    /// which took the aggregate of a million keys from 0.45-0.58 s to 0.34 s. The sum is a 128-bit decimal(38, 4), narrowed to
    /// decimal(18, 4) before rounding to cents: the one cast took 0.4 s per million rows. (aci bench times this same sum alone.)
    /// </summary>
    public const string KeyTotals = """
        count(*)::integer as events, sum(duration_minutes::decimal(9, 4))::decimal(18, 4)::decimal(12, 2) as active_minutes,
        sum(actions::integer)::integer as actions
        """;

    public override LoadResult Load(LoadContext context)
    {
        var toolFromFileName = context.Request.Tool is null;
        var tool = context.Request.Tool ?? SourceCatalog.NameFromFileName(context.FileName, FileNameNoise) ?? "Unknown";
        // The file's rows with their person and key; a view, so the rows are not copied once more.
        context.Execute($"""
            create or replace temp view usage_event as
            select r.person_id, v."date" as occurred_at, v."date"::date as usage_date, coalesce(v.tool, {ColumnTyping.L(tool)}) as tool,
                   coalesce(v.feature, '') as feature, v.duration_minutes, v.actions
            from valid v join person_ref r on r.identifier = v."user"
            """);
        // One hash aggregate per key, written straight into raw_usage.
        var id = context.ImportId;
        // raw_usage rows have no order, and keeping the aggregate's order made DuckDB hold so much that a 5.6-million-row
        // year ran out of memory at 256MB (and took 20 s instead of 14). The setting is global: back on right after, and
        // the Importer sets it back when a load fails halfway.
        context.Execute("set preserve_insertion_order = false");
        context.Execute($"""
            insert into raw_usage (import_id, person_id, usage_date, tool, feature, events, active_minutes, actions, counted)
            select {id}, person_id, usage_date, tool, feature, {KeyTotals}, true
            from usage_event
            group by person_id, usage_date, tool, feature
            """);
        context.Execute("reset preserve_insertion_order");
        // Only a key with several rows can hold a repeated row: those keys are counted again over their distinct rows.
        // A log at person-day grain, the usual export, has none and skips the second pass over the file's rows.
        var repeated = 0L;
        if (context.Scalar<bool>($"select exists (select 1 from raw_usage where import_id = {id} and events > 1)"))
        {
            context.Execute($"""
                create or replace temp table usage_repeat as
                select person_id, usage_date, tool, feature, {KeyTotals}, sum(copies) - count(*) as repeated
                from (select e.*, count(*) as copies
                      from usage_event e
                      semi join (select * from raw_usage where import_id = {id} and events > 1) k using (person_id, usage_date, tool, feature)
                      group by all)
                group by person_id, usage_date, tool, feature
                having sum(copies) > count(*);
                update raw_usage u
                set events = s.events, active_minutes = s.active_minutes, actions = s.actions
                from usage_repeat s
                where u.import_id = {id} and u.person_id = s.person_id and u.usage_date = s.usage_date and u.tool = s.tool
                  and u.feature = s.feature;
                """);
            repeated = context.Scalar<long>("select coalesce(sum(repeated), 0)::bigint from usage_repeat");
            context.Execute("drop table usage_repeat");
        }
        // Keys earlier imports hold count there. Looked up only when an earlier import reaches into this file's dates:
        // a month's new log usually does not, and the join over a million keys cost a fifth of a second for nothing.
        var overlaps = context.Scalar<bool>($"""
            with mine as (select min(usage_date) as first, max(usage_date) as last from raw_usage where import_id = {id})
            select exists (select 1 from raw_usage, mine where import_id <> {id} and usage_date between first and last)
            """);
        if (overlaps)
            context.Execute($"""
                update raw_usage d set counted = false
                from raw_usage u
                where d.import_id = {id} and u.import_id <> {id} and u.counted
                  and u.person_id = d.person_id and u.usage_date = d.usage_date and u.tool = d.tool and u.feature = d.feature
                """);
        // The days this log covers per tool, from its first to its last row: data_coverage tells a missing export from a
        // month without use by them.
        context.Execute($"""
            insert into raw_usage_window
            select {id}, tool, min(usage_date), max(usage_date), 'rows' from raw_usage where import_id = {id} group by tool
            """);
        var (seen, loaded) = context.Query<(long, long)>($"""
            select coalesce(sum(events) filter (where not counted), 0)::bigint, coalesce(sum(events) filter (where counted), 0)::bigint
            from raw_usage where import_id = {id}
            """).Single();
        context.Execute("drop view usage_event");
        var notes = new List<string>();
        // A guessed tool name is a guess: say it, so that a wrong one ("Q1 report.csv") is seen before it reaches a page.
        if (toolFromFileName && context.Scalar<bool>("select exists (select 1 from valid where tool is null)"))
            notes.Add($"Rows without a tool count as '{tool}', {(tool == "Unknown" ? "as the file name names none" : "taken from the file name")}: " +
                      "name it in the upload's options (Tool; aci: --tool) to count them otherwise.");
        // Overlapping exports repeat whole days; a log cut in the middle of a day would lose the rest of that day here.
        if (seen > 0)
            notes.Add($"{seen} row(s) fall on a person, day, tool and feature that an earlier import already holds: that import's figures " +
                      "count for those days (export whole days; to count this file's instead, undo the earlier import first).");
        return new LoadResult(loaded, repeated + seen, notes);
    }
}
