using Dapper;
using DuckDB.NET.Data;

namespace AiChangeInsights.Warehouse.Sql;

/// <summary>
/// The table kpi_definition, written from the headers of sql/kpi/measures/*.sql: a KPI's label, unit, direction,
/// indicator, default target and the source whose coverage decides its months (data_coverage) live in its own file,
/// next to its formula, and nowhere else.
/// </summary>
internal static class KpiDefinitions
{
    static readonly string[] Required = ["kpi", "dimension", "label_en", "label_nl", "unit", "direction", "indicator", "target", "amber", "coverage", "definition"];

    /// <summary>The sources of data_coverage a KPI can depend on.</summary>
    static readonly string[] Coverage = ["usage", "training", "survey", "activities", "business_metrics", "support_tickets", "ideas", "maturity"];

    public static void Write(DuckDBConnection connection, IEnumerable<SqlFile> measures)
    {
        var rows = new List<object>();
        foreach (var file in measures)
        {
            var h = file.Header;
            var missing = Required.Where(k => !h.ContainsKey(k)).ToList();
            if (missing.Count > 0) throw new InvalidOperationException($"sql/kpi/measures/{file.Name}.sql: header lacks {string.Join(", ", missing)}");
            if (h["kpi"] != file.Name) throw new InvalidOperationException($"sql/kpi/measures/{file.Name}.sql: 'kpi: {h["kpi"]}' must equal the file name");
            if (h["direction"] is not ("higher_better" or "lower_better")) throw new InvalidOperationException($"{file.Name}: direction is higher_better or lower_better");
            if (h["indicator"] is not ("leading" or "lagging")) throw new InvalidOperationException($"{file.Name}: indicator is leading or lagging");
            if (!Coverage.Contains(h["coverage"])) throw new InvalidOperationException($"{file.Name}: coverage is one of {string.Join(", ", Coverage)}");
            rows.Add(new
            {
                kpi = h["kpi"], dimension = h["dimension"], label_en = h["label_en"], label_nl = h["label_nl"], unit = h["unit"],
                direction = h["direction"], indicator = h["indicator"],
                target = double.Parse(h["target"], System.Globalization.CultureInfo.InvariantCulture),
                amber = double.Parse(h["amber"], System.Globalization.CultureInfo.InvariantCulture),
                scale = h.TryGetValue("scale", out var s) ? double.Parse(s, System.Globalization.CultureInfo.InvariantCulture) : 1.0,
                source = h.TryGetValue("source", out var src) ? src : "",
                coverage = h["coverage"],
                definition = h["definition"],
                sort_order = h.TryGetValue("order", out var o) ? int.Parse(o, System.Globalization.CultureInfo.InvariantCulture) : 99,
            });
        }
        connection.Execute("""
            create or replace table kpi_definition (
                kpi varchar primary key, dimension varchar not null, label_en varchar not null, label_nl varchar not null,
                unit varchar not null, direction varchar not null, indicator varchar not null,
                target double not null, amber double not null, scale double not null, source varchar not null,
                coverage varchar not null, definition varchar not null, sort_order integer not null)
            """);
        connection.Execute("""
            insert into kpi_definition values ($kpi, $dimension, $label_en, $label_nl, $unit, $direction, $indicator,
                                               $target, $amber, $scale, $source, $coverage, $definition, $sort_order)
            """, rows);
    }
}
