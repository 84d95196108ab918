namespace AiChangeInsights.Warehouse.Ingest.SupportTickets;

/// <summary>Helpdesk tickets: one row per ticket, flagged when it is about AI (falling = competence rising).</summary>
public sealed class SupportTicketsImporter : Source
{
    public override string Name => "support_tickets";
    public override IReadOnlyList<string> OtherNames => ["tickets", "helpdesk", "support", "meldingen"];
    public override IReadOnlyList<string> RawTables => ["raw_support_ticket"];

    public override IReadOnlyList<SourceColumn> Columns { get; } =
    [
        new("created_at", ValueKind.Timestamp, "created", "aangemaakt", "aangemaakt_op", "datum", "date", "opened", "geopend", "melddatum")
            { Required = true, NotInFuture = true },
        new("department", ValueKind.Text, "afdeling", "team", "requester_department", "dept") { Required = true },
        new("category", ValueKind.Text, "categorie", "type", "onderwerp", "subject") { Required = true },
        new("ai_related", ValueKind.Boolean, "ai", "ai_gerelateerd", "over_ai", "is_ai", "ai_topic") { Required = true },
        new("ticket_id", ValueKind.Text, "ticket", "id", "ticketnummer", "nummer", "number", "ticket_number"),
    ];

    public override LoadResult Load(LoadContext context)
    {
        context.Execute("""
            create or replace temp table ticket_rows as
            select v._line, v.ticket_id, v.created_at, v.department, v.category, v.ai_related,
                   row_number() over (partition by coalesce(v.ticket_id, v.created_at::varchar || v.department || v.category) order by v._rec) > 1 as repeated,
                   exists (select 1 from raw_support_ticket t
                           where coalesce(t.ticket_id, t.created_at::varchar || t.department || t.category)
                               = coalesce(v.ticket_id, v.created_at::varchar || v.department || v.category)) as seen
            from valid v
            """);
        context.Execute($"""
            insert into raw_support_ticket
            select {context.ImportId}, _line, ticket_id, created_at, department, category, ai_related from ticket_rows where not repeated
            """);
        return new LoadResult(
            context.Scalar<long>("select count(*) from ticket_rows where not repeated and not seen"),
            context.Scalar<long>("select count(*) from ticket_rows where repeated or seen"), []);
    }
}
