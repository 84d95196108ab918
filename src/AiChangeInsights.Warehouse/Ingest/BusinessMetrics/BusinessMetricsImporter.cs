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
                ("error|fout", "error_rate"),
                ("cost|kosten", "cost"),
                ("csat|klanttevredenheid|customer.?satisfaction", "csat"),
            ],
        },
        new("value", ValueKind.Decimal, "waarde", "amount", "bedrag", "score") { Required = true },
    ];

    public override LoadResult Load(LoadContext context)
    {
        context.Execute("""
            create or replace temp table metric_rows as
            select v._line, v.period, v.department, v.metric, v.value,
                   row_number() over (partition by v.period, v.department, v.metric order by v._rec) > 1 as repeated,
                   exists (select 1 from raw_business_metric m
                           where m.period = v.period and m.department = v.department and m.metric = v.metric) as seen
            from valid v
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
