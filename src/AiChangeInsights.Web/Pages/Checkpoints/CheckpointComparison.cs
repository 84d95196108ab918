using System.Globalization;
using AiChangeInsights.Web.Charts;
using AiChangeInsights.Web.Dashboard;
using AiChangeInsights.Web.Text;
using Dapper;

namespace AiChangeInsights.Web.Pages.Checkpoints;

/// <summary>
/// The rows of checkpoint_comparison both Checkpoints charts show, the KPI and dimension chosen in the URL
/// (<c>kpi=</c>, <c>dimension=</c>; unknown values fall back to adoption rate and its dimension), and the four
/// checkpoints with their names and colours.
/// </summary>
public static class CheckpointComparison
{
    public sealed record Row(string Dimension, string Kpi, string LabelEn, string LabelNl, string Unit, string Direction, string Department,
        double? Baseline, double? Early, double? Mid, double? Long, double? Latest, double? DeltaEarly, double? DeltaMid, double? DeltaLong,
        bool BaselineSuppressed, bool EarlySuppressed, bool MidSuppressed, bool LongSuppressed, bool LatestSuppressed, double? Target, int SortOrder)
    {
        public double? Value(string checkpoint) => checkpoint switch
        {
            "baseline" => Baseline, "early" => Early, "mid" => Mid, "long" => Long, _ => Latest,
        };

        public double? Delta(string checkpoint) => checkpoint switch
        {
            "early" => DeltaEarly, "mid" => DeltaMid, "long" => DeltaLong, _ => null,
        };

        public bool Suppressed(string checkpoint) => checkpoint switch
        {
            "baseline" => BaselineSuppressed, "early" => EarlySuppressed, "mid" => MidSuppressed, "long" => LongSuppressed, _ => LatestSuppressed,
        };

        public bool LowerIsBetter => Direction == "lower_better";

        public string Label(CultureInfo culture) => Lang.T(culture, LabelEn, LabelNl);
    }

    /// <summary>Baseline (months −2..0), early (1–3), mid (4–6) and long (12+): light to dark, so the order reads without a legend.</summary>
    public static readonly (string Code, string En, string Nl, string Short, string ShortNl, string Colour)[] Checkpoints =
    [
        ("baseline", "Baseline (before go-live)", "Nulmeting (voor livegang)", "Baseline", "Nulmeting", "#BDBDBD"),
        ("early", "1–3 months", "1–3 maanden", "1–3 mo.", "1–3 mnd", "#9ECAE1"),
        ("mid", "6 months", "6 maanden", "6 mo.", "6 mnd", "#4292C6"),
        ("long", "12+ months", "12+ maanden", "12+ mo.", "12+ mnd", "#08519C"),
    ];

    public sealed record Kpi(string Code, string Dimension, string LabelEn, string LabelNl, string Unit, string Direction, string Definition, double Target);

    public static IReadOnlyList<Kpi> Definitions(Warehouse.Warehouse warehouse) => warehouse.Read(c => c.Query<Kpi>("""
        select kpi as Code, dimension, label_en as LabelEn, label_nl as LabelNl, unit, direction, definition, target
        from kpi_definition order by sort_order
        """).ToList());

    /// <summary>The KPI and the dimension the URL asks for; the dimension follows the KPI unless it is chosen.</summary>
    public static (Kpi Kpi, string Dimension) Choose(IReadOnlyList<Kpi> definitions, IReadOnlyDictionary<string, string> options)
    {
        var kpi = definitions.FirstOrDefault(d => options.TryGetValue("kpi", out var k) && d.Code == k)
                  ?? definitions.FirstOrDefault(d => d.Code == "adoption_rate") ?? definitions[0];
        var dimension = options.TryGetValue("dimension", out var dim) && definitions.Any(d => d.Dimension == dim) ? dim : kpi.Dimension;
        return (kpi, dimension);
    }

    /// <summary>
    /// Rows of the filtered department and 'All', 'All' first; without a department filter every department, or only
    /// 'All' when <paramref name="everyDepartment"/> is false.
    /// </summary>
    public static IReadOnlyList<Row> Read(Warehouse.Warehouse warehouse, DashboardFilters filters, string? kpi = null, string? dimension = null,
        bool everyDepartment = true) =>
        warehouse.Read(c => c.Query<Row>("""
            select dimension, kpi, label_en as LabelEn, label_nl as LabelNl, unit, direction, department,
                   baseline, early, mid, long, latest, delta_early as DeltaEarly, delta_mid as DeltaMid, delta_long as DeltaLong,
                   baseline_suppressed as BaselineSuppressed, early_suppressed as EarlySuppressed, mid_suppressed as MidSuppressed,
                   long_suppressed as LongSuppressed, latest_suppressed as LatestSuppressed, target, sort_order::int as SortOrder
            from checkpoint_comparison
            where ($kpi is null or kpi = $kpi) and ($dimension is null or dimension = $dimension)
              and (department = 'All' or department = coalesce($department, case when $every then department end))
            order by sort_order, department <> 'All', department
            """, new { kpi, dimension, department = filters.Department, every = everyDepartment }).ToList());

    public static int MinGroupSize(Warehouse.Warehouse warehouse) =>
        warehouse.Read(c => c.ExecuteScalar<int>("select min_group_size from dim_organisation"));

    /// <summary>One table for both charts and their downloads; value columns read "fewer than N responses" when suppressed.</summary>
    public static ChartData Table(IReadOnlyList<Row> rows, int minGroupSize)
    {
        var units = rows.Select(r => r.Unit).Distinct().ToList();
        var unit = units.Count == 1 ? units[0] : null;
        var valueFormat = unit is "share" or "relative_change" ? CellFormat.Percent : CellFormat.Number;
        var deltaFormat = unit is "share" or "relative_change" ? CellFormat.SignedPercent : CellFormat.Signed;
        return new ChartData(
            [
                new("dimension", "Dimension", "Dimensie"), new("kpi", "KPI", "KPI"),
                new("label_en", "KPI (English)", "KPI (Engels)"), new("label_nl", "KPI (Dutch)", "KPI (Nederlands)"),
                new("unit", "Unit", "Eenheid"), new("direction", "Direction", "Richting"), new("department", "Department", "Afdeling"),
                new("baseline", "Baseline", "Nulmeting", valueFormat, SuppressedBy: "baseline_suppressed"),
                new("early", "1–3 months", "1–3 maanden", valueFormat, SuppressedBy: "early_suppressed"),
                new("mid", "6 months", "6 maanden", valueFormat, SuppressedBy: "mid_suppressed"),
                new("long", "12+ months", "12+ maanden", valueFormat, SuppressedBy: "long_suppressed"),
                new("latest", "Latest month", "Laatste maand", valueFormat, SuppressedBy: "latest_suppressed"),
                new("delta_early", "Change 1–3 months", "Verandering 1–3 maanden", deltaFormat, SuppressedBy: "early_suppressed"),
                new("delta_mid", "Change 6 months", "Verandering 6 maanden", deltaFormat, SuppressedBy: "mid_suppressed"),
                new("delta_long", "Change 12+ months", "Verandering 12+ maanden", deltaFormat, SuppressedBy: "long_suppressed"),
                new("target", "Target", "Doel", valueFormat),
                new("baseline_suppressed", "Baseline suppressed", "Nulmeting onderdrukt", CellFormat.Boolean),
                new("early_suppressed", "1–3 months suppressed", "1–3 maanden onderdrukt", CellFormat.Boolean),
                new("mid_suppressed", "6 months suppressed", "6 maanden onderdrukt", CellFormat.Boolean),
                new("long_suppressed", "12+ months suppressed", "12+ maanden onderdrukt", CellFormat.Boolean),
                new("latest_suppressed", "Latest suppressed", "Laatste onderdrukt", CellFormat.Boolean),
                new("sort_order", "Order", "Volgorde", CellFormat.Integer),
            ],
            rows.Select(r => new object?[]
            {
                r.Dimension, r.Kpi, r.LabelEn, r.LabelNl, r.Unit, r.Direction, r.Department,
                r.Baseline, r.Early, r.Mid, r.Long, r.Latest, r.DeltaEarly, r.DeltaMid, r.DeltaLong, r.Target,
                r.BaselineSuppressed, r.EarlySuppressed, r.MidSuppressed, r.LongSuppressed, r.LatestSuppressed, r.SortOrder,
            }).ToList())
        {
            MinGroupSize = minGroupSize,
        };
    }

    /// <summary>The rows back from a chart's data (the page and the figures read the same cached data).</summary>
    public static IReadOnlyList<Row> Rows(ChartData data) => data.Rows.Select(r => new Row(
        (string)r[0]!, (string)r[1]!, (string)r[2]!, (string)r[3]!, (string)r[4]!, (string)r[5]!, (string)r[6]!,
        (double?)r[7], (double?)r[8], (double?)r[9], (double?)r[10], (double?)r[11], (double?)r[12], (double?)r[13], (double?)r[14],
        (bool)r[16]!, (bool)r[17]!, (bool)r[18]!, (bool)r[19]!, (bool)r[20]!, (double?)r[15], (int)r[21]!)).ToList();

    public static string DepartmentLabel(string department, CultureInfo culture) =>
        department == "All" ? Lang.T(culture, "Whole organisation", "Hele organisatie") : department;

    public static string FewerThan(int minGroupSize, CultureInfo culture) =>
        Lang.T(culture, $"fewer than {minGroupSize} responses", $"minder dan {minGroupSize} reacties");

    /// <summary>A cell as words: the value in its unit, or "fewer than N responses".</summary>
    public static string Show(Row row, string checkpoint, int minGroupSize, CultureInfo culture) =>
        row.Suppressed(checkpoint) ? FewerThan(minGroupSize, culture) : KpiFormat.Format(row.Value(checkpoint), row.Unit, culture);
}
