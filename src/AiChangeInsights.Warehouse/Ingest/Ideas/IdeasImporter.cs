namespace AiChangeInsights.Warehouse.Ingest.Ideas;

/// <summary>
/// The idea-management export: one row per idea with the department(s) behind it. A snapshot: a later export
/// with a new status describes the idea now (stg_idea keeps the newest import).
/// </summary>
public sealed class IdeasImporter : Source
{
    public override string Name => "ideas";
    public override IReadOnlyList<string> OtherNames => ["idea", "ideeen", "innovation", "innovatie"];
    public override IReadOnlyList<string> RawTables => ["raw_idea"];

    public override IReadOnlyList<SourceColumn> Columns { get; } =
    [
        new("submitted_at", ValueKind.Date, "ingediend", "ingediend_op", "datum", "date", "created", "created_at", "aangemaakt")
            { Required = true, NotInFuture = true },
        new("departments", ValueKind.TextList, "department", "afdelingen", "afdeling", "teams", "team") { Required = true },
        new("title", ValueKind.Text, "titel", "idee", "idea", "onderwerp", "voorstel", "suggestion", "naam_idee") { Required = true },
        new("status", ValueKind.Choice, "stand", "state", "idea_status")
        {
            Required = true,
            Choices =
            [
                ("reject|afgewezen|niet.?doorgevoerd|declined|vervallen|abgelehnt", "rejected"),
                ("implement|geimplementeerd|geïmplementeerd|doorgevoerd|gerealiseerd|live|done|in.?gebruik|umgesetzt", "implemented"),
                ("review|behandeling|beoordeling|onderzoek|pilot|in.?progress|uitwerking|prüfung", "in_review"),
                ("submitted|ingediend|nieuw|new|open|eingereicht", "submitted"),
            ],
        },
    ];

    public override LoadResult Load(LoadContext context)
    {
        context.Execute("""
            create or replace temp table idea_rows as
            select v._line, v.submitted_at, v.departments, v.title, v.status,
                   row_number() over (partition by v.submitted_at, lower(v.title) order by v._rec) > 1 as repeated
            from valid v
            """);
        context.Execute($"""
            insert into raw_idea
            select {context.ImportId}, _line, submitted_at, departments, title, status from idea_rows where not repeated
            """);
        return new LoadResult(
            context.Scalar<long>("select count(*) from idea_rows where not repeated"),
            context.Scalar<long>("select count(*) from idea_rows where repeated"), []);
    }
}
