namespace AiChangeInsights.Warehouse.Ingest.Usage;

/// <summary>
/// System logs of AI tools: one row per event or per person-day. Landed as one row per person x day x tool x
/// feature. A row repeated within the file counts once; a person-day already loaded by an earlier import is a
/// duplicate (kept for an exact undo, hidden by stg_usage).
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
    public override IReadOnlyList<string> RawTables => ["raw_usage"];

    public override IReadOnlyList<SourceColumn> Columns { get; } =
    [
        new("date", ValueKind.Timestamp, "datum", "timestamp", "tijdstip", "day", "dag", "activity_date", "event_date", "event_time",
            "usage_date", "time", "datetime", "created_at") { Required = true, NotInFuture = true },
        new("user", ValueKind.Person, "gebruiker", "email", "e_mail", "upn", "user_principal_name", "userprincipalname", "medewerker",
            "employee", "user_email", "username", "login", "user_id") { Required = true },
        new("tool", ValueKind.Text, "application", "app", "applicatie", "product", "platform"),
        new("feature", ValueKind.Text, "onderdeel", "capability", "action_type", "module", "feature_name", "function", "functionaliteit"),
        new("duration_minutes", ValueKind.Decimal, "minutes", "minuten", "duur_minuten", "duur", "duration", "active_minutes",
            "gebruiksduur", "tijd_minuten", "duration_min") { Min = 0, Max = 1440 },
        new("actions", ValueKind.Integer, "acties", "events", "prompts", "interactions", "interacties", "aantal", "count", "requests")
            { Min = 0 },
    ];

    public override LoadResult Load(LoadContext context)
    {
        var tool = context.Request.Tool ?? SourceCatalog.NameFromFileName(context.FileName, FileNameNoise) ?? "Unknown";
        // Grouping, not a window over the six columns: a hash aggregate, no sort of every row.
        context.Execute("""
            create or replace temp table usage_day as
            with usage_event as (
                select r.person_id, v."date" as occurred_at, coalesce(v.tool, $tool) as tool, coalesce(v.feature, '') as feature,
                       v.duration_minutes, v.actions, count(*) as copies
                from valid v join person_ref r on r.identifier = v."user"
                group by all
            ), d as (
                select person_id, occurred_at::date as usage_date, tool, feature, count(*)::integer as events,
                       sum(duration_minutes)::decimal(12, 2) as active_minutes, sum(actions)::integer as actions,
                       sum(copies - 1) as repeated
                from usage_event
                group by person_id, usage_date, tool, feature
            )
            select d.*, exists (
                       select 1 from raw_usage k
                       where k.person_id = d.person_id and k.usage_date = d.usage_date and k.tool = d.tool and k.feature = d.feature
                   ) as seen
            from d;
            """, new { tool });
        context.Execute($"""
            insert into raw_usage
            select {context.ImportId}, person_id, usage_date, tool, feature, events, active_minutes, actions from usage_day
            """);
        var (repeated, seen, loaded) = context.Query<(long, long, long)>("""
            select coalesce(sum(repeated), 0)::bigint, coalesce(sum(events) filter (where seen), 0)::bigint,
                   coalesce(sum(events) filter (where not seen), 0)::bigint
            from usage_day
            """).Single();
        var notInRoster = context.Scalar<long>("""
            select count(distinct person_id) from usage_day
            where person_id not in (select person_id from raw_roster)
            """);
        context.Execute("drop table usage_day");
        var notes = new List<string>();
        if (notInRoster > 0) notes.Add($"{notInRoster} user(s) are not in any roster yet: their usage counts once a roster names them.");
        return new LoadResult(loaded, repeated + seen, notes);
    }
}
