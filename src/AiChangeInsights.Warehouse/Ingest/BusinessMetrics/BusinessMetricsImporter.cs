namespace AiChangeInsights.Warehouse.Ingest.BusinessMetrics;

/// <summary>Process measurements before and after go-live: one value per month x department x metric.</summary>
public sealed class BusinessMetricsImporter : Source
{
    public override string Name => "business_metrics";
    public override IReadOnlyList<string> OtherNames => ["metrics", "business", "bedrijfsimpact", "kpi"];
    public override IReadOnlyList<string> RawTables => ["raw_business_metric"];

    public override IReadOnlyList<SourceColumn> Columns { get; } =
    [
        new("period", ValueKind.Month, "periode", "month", "maand", "date", "datum") { Required = true },
        new("department", ValueKind.Text, "afdeling", "team", "dept") { Required = true },
        new("metric", ValueKind.Choice, "kpi", "measure", "meetwaarde", "indicator", "maatstaf", "metriek")
        {
            Required = true,
            Choices =
            [
                ("hours.?saved|uren.?bespaard|bespaarde.?uren|tijdsbesparing|time.?saved", "hours_saved"),
                // Before errors: "kosten per fout" and "cost of errors" are costs.
                ("cost|kosten", "cost"),
                ("error|fout", "error_rate"),
                ("csat|klanttevredenheid|customer.?satisfaction", "csat"),
            ],
        },
        new("value", ValueKind.Decimal, "waarde", "amount", "bedrag", "score") { Required = true },
    ];

    /// <summary>A decimal(18, 4) as the analyst wrote it: 10, 4.5.</summary>
    static string Plain(string value) => $"rtrim(rtrim({value}::varchar, '0'), '.')";

    public override LoadResult Load(LoadContext context)
    {
        context.Execute("""
            create or replace temp table metric_rows as
            select v._line, v.period, v.department, v.metric, v.value,
                   row_number() over same_key > 1 as repeated,
                   first_value(v.value) over same_key as first_value, first_value(v._line) over same_key as first_line,
                   m.value as earlier_value, m.import_id as earlier_import, m.import_id is not null as seen
            from valid v
            left join (select distinct on (period, department, metric) * from raw_business_metric order by period, department, metric, import_id) m
                   on m.period = v.period and m.department = v.department and m.metric = v.metric
            window same_key as (partition by v.period, v.department, v.metric order by v._rec)
            """);
        // A figure that differs from the one kept is not a copy: it is listed, with the value that counts instead.
        context.Execute($"""
            insert into rejected
            select r._line, l.position, coalesce(l.header, 'value'), {Plain("r.value")},
                   case when r.repeated
                        then 'a second value for ' || strftime(r.period, '%Y-%m') || ', ' || r.department || ', ' || r.metric ||
                             ' (line ' || r.first_line || ' has ' || {Plain("r.first_value")} || '): the first is kept'
                        else 'already loaded with ' || {Plain("r.earlier_value")} || ' by import #' || r.earlier_import ||
                             ': the earlier import counts (undo it to load this value)' end
            from metric_rows r left join column_label l on l.column_name = 'value'
            where (r.repeated and r.value <> r.first_value) or (not r.repeated and r.seen and r.value <> r.earlier_value)
            """);
        context.Execute($"""
            insert into raw_business_metric
            select {context.ImportId}, _line, period, department, metric, value from metric_rows where not repeated
            """);
        return new LoadResult(
            context.Scalar<long>("select count(*) from metric_rows where not repeated and not seen"),
            context.Scalar<long>("select count(*) from metric_rows where repeated or seen"), []);
    }
}
