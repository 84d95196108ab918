namespace AiChangeInsights.Warehouse.Ingest.Maturity;

/// <summary>
/// Maturity assessments per department: a stage 1-5 on the seed's ladder, or item scores (item_1, vraag_2, …,
/// each 1-5) whose mean stg_maturity_assessment rounds to a stage.
/// </summary>
public sealed partial class MaturityImporter : Source
{
    public override string Name => "maturity";
    public override IReadOnlyList<string> OtherNames => ["maturity_assessment", "volwassenheid", "assessment"];
    public override IReadOnlyList<string> RawTables => ["raw_maturity_assessment"];

    public override IReadOnlyList<SourceColumn> Columns { get; } =
    [
        new("assessed_at", ValueKind.Date, "datum", "date", "beoordeeld_op", "assessment_date", "meetdatum", "assessed") { Required = true },
        new("department", ValueKind.Text, "afdeling", "team", "dept") { Required = true },
        new("stage", ValueKind.Integer, "fase", "niveau", "level", "stap", "volwassenheid", "maturity", "maturity_stage", "stage_1_5")
            { Min = 1, Max = 5 },
    ];

    public override bool KeepsExtraColumn(string normalisedHeader) => ItemHeader().IsMatch(normalisedHeader);

    public override LoadResult Load(LoadContext context)
    {
        var items = context.ExtraColumns.Count == 0
            ? "null::decimal(6, 2)"
            : $"list_avg(list_filter([{string.Join(", ", context.ExtraColumns.Select(x => $"try_cast(replace(trim(v.{ColumnTyping.Q(x.Name)}), ',', '.') as decimal(6, 2))"))}], s -> s between 1 and 5))::decimal(6, 2)";
        context.Execute($"""
            create or replace temp table maturity_rows as
            select v._line, v.assessed_at, v.department, v.stage, {items} as item_mean,
                   row_number() over (partition by v.assessed_at, v.department order by v._rec) > 1 as repeated,
                   exists (select 1 from raw_maturity_assessment m where m.assessed_at = v.assessed_at and m.department = v.department) as seen
            from valid v;

            insert into rejected
            select _line, null, 'stage', null, 'a row needs a stage (1-5) or item scores' from maturity_rows where stage is null and item_mean is null;

            insert into raw_maturity_assessment
            select {context.ImportId}, _line, assessed_at, department, stage, item_mean
            from maturity_rows where not repeated and (stage is not null or item_mean is not null);
            """);
        return new LoadResult(
            context.Scalar<long>("select count(*) from maturity_rows where not repeated and not seen and (stage is not null or item_mean is not null)"),
            context.Scalar<long>("select count(*) from maturity_rows where (repeated or seen) and (stage is not null or item_mean is not null)"), []);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(item|vraag|question|criterium|criterion|q)_?\d+")]
    private static partial System.Text.RegularExpressions.Regex ItemHeader();
}
