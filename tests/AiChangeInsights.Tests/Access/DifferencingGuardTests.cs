using System.Globalization;
using System.Text.Json;
using AiChangeInsights.Tests.Web;
using Dapper;
using Xunit.Abstractions;

namespace AiChangeInsights.Tests.Access;

/// <summary>
/// The differencing guard, in the spirit of Culture Amp's remainder rule: no filter combination, and no pair of
/// overlapping ones, gives two visible numbers whose difference describes fewer than MinGroupSize people.
/// The test asks the real exports for every filter combination a user can set, as the works council and as
/// leadership, rebuilds independently (in C#, from the respondents) which responses stand behind each visible
/// cell, and tries every subtraction: each pair of nested cells, and each cell minus all visible cells inside it.
/// </summary>
public sealed class DifferencingGuardTests(DemoApp app, ITestOutputHelper output) : IClassFixture<DemoApp>
{
    sealed record Cell(string Kind, string Period, string Construct, string Department);

    sealed record Respondent(string Survey, string ResponseId, DateOnly Wave, string Quarter, string Department, string Construct);

    static readonly string[] SurveyKpis = ["satisfaction", "trust", "usefulness", "nps", "self_assessed_competence"];

    [Fact]
    public async Task No_filter_combination_or_pair_of_them_lets_a_group_below_the_minimum_be_recovered()
    {
        var warehouse = new DemoWarehouse();
        var m = warehouse.Test.Scalar<int>("select min_group_size from dim_organisation");
        var months = warehouse.Test.Query<DateOnly>("select month from dim_month order by month");
        var waveMonths = warehouse.Test.Query<DateOnly>("select distinct wave from fct_survey_response order by 1");
        var departments = warehouse.Test.Query<string>("select department from dim_department order by 1").Prepend("").ToList();
        var constructByLabel = warehouse.Test.Query<(string Label, string Construct)>("select label_en, construct from dim_construct").ToDictionary(x => x.Label, x => x.Construct);
        var kpiConstruct = warehouse.Test.Query<(string Kpi, string Source)>("select kpi, source from kpi_definition where source like 'survey:%'")
            .ToDictionary(x => x.Kpi, x => x.Source["survey:".Length..]);

        // Every period a user can choose (none, or any from..to over the analysed months), and the narrower set bounded
        // by survey months (survey cells only exist in those months, so other bounds show the same cells).
        static string Month(DateOnly d) => d.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var periods = new List<string> { "" };
        foreach (var from in months) foreach (var to in months.Where(t => t >= from)) periods.Add($"&from={Month(from)}&to={Month(to)}");
        var wavePeriods = new List<string> { "" };
        foreach (var from in waveMonths) foreach (var to in waveMonths.Where(t => t >= from)) wavePeriods.Add($"&from={Month(from)}&to={Month(to)}");

        var visible = new Dictionary<Cell, (long N, double Value)>();
        var inconsistent = new List<string>();
        var requests = 0;
        void See(Cell cell, long n, double value)
        {
            if (visible.TryGetValue(cell, out var seen) && (seen.N != n || Math.Abs(seen.Value - value) > 1e-9))
                inconsistent.Add($"{cell}: {seen} vs {(n, value)}");
            visible[cell] = (n, value);
        }
        async Task<JsonElement> Export(HttpClient client, string chart, string query)
        {
            requests++;
            return JsonDocument.Parse(await client.GetStringAsync($"/export/{chart}.json?x=1{query}")).RootElement;
        }

        // As the works council: the anonymised page's three charts, every department, every period.
        var council = await app.SignedInClient("WorksCouncil");
        foreach (var department in departments)
            foreach (var period in periods)
            {
                var filter = (department.Length > 0 ? $"&department={Uri.EscapeDataString(department)}" : "") + period;
                foreach (var chart in new[] { "acceptance-quarters", "acceptance-worries-culture" })
                    foreach (var row in (await Export(council, chart, filter)).GetProperty("rows").EnumerateArray())
                        if (row.GetProperty("n").ValueKind == JsonValueKind.Number)
                            See(new Cell("quarter", row.GetProperty("quarter").GetString()!, constructByLabel[row.GetProperty("label_en").GetString()!],
                                row.GetProperty("department").GetString()!), row.GetProperty("n").GetInt64(), row.GetProperty("value").GetDouble());
                foreach (var row in (await Export(council, "acceptance-nps", filter)).GetProperty("rows").EnumerateArray())
                    if (row.GetProperty("n").ValueKind == JsonValueKind.Number)
                        See(new Cell("wave", row.GetProperty("survey").GetString() + "|" + row.GetProperty("wave").GetString(), "recommend",
                            row.GetProperty("department").GetString()!), row.GetProperty("n").GetInt64(), row.GetProperty("value").GetDouble());
            }

        // As leadership: the survey KPIs month by month and at the checkpoints, every department.
        var leadership = await app.SignedInClient("Leadership");
        foreach (var department in departments)
        {
            var where = department.Length > 0 ? $"&department={Uri.EscapeDataString(department)}" : "";
            var name = department.Length > 0 ? department : "All";
            foreach (var kpi in SurveyKpis)
                foreach (var period in wavePeriods)
                    foreach (var row in (await Export(leadership, "kpi-trend", $"{where}&kpi={kpi}{period}")).GetProperty("rows").EnumerateArray())
                        if (row.GetProperty("denominator").ValueKind == JsonValueKind.Number)
                            See(new Cell("month", row.GetProperty("month").GetString()![..7], kpiConstruct[kpi], name),
                                (long)row.GetProperty("denominator").GetDouble(), row.GetProperty("value").GetDouble());
            foreach (var row in (await Export(leadership, "kpi-matrix", where)).GetProperty("rows").EnumerateArray())
            {
                var kpi = row.GetProperty("kpi").GetString()!;
                var checkpoint = row.GetProperty("checkpoint").GetString()!;
                if (kpiConstruct.ContainsKey(kpi) && checkpoint != "latest" && row.GetProperty("value").ValueKind == JsonValueKind.Number)
                    visible.TryAdd(new Cell("checkpoint", checkpoint, kpiConstruct[kpi], name), (-1, row.GetProperty("value").GetDouble()));
            }
        }

        // The oracle: which responses stand behind each visible cell (definitions as in sql/marts/survey_cell.sql).
        var respondents = warehouse.Test.Query<Respondent>("""
            select survey, response_id as ResponseId, wave, quarter, department, construct from fct_survey_respondent
            """);
        var goLive = warehouse.Test.Query<(string Department, DateOnly GoLive)>("select department, first_go_live_month from dim_department")
            .ToDictionary(x => x.Department, x => x.GoLive);
        var organisationGoLive = warehouse.Test.Scalar<DateOnly>("select go_live_month from dim_organisation");
        var checkpoints = warehouse.Test.Query<(string Checkpoint, int From, int To)>("select checkpoint, month_from, month_to from dim_checkpoint");
        static int Index(DateOnly goLiveMonth, DateOnly wave) => (wave.Year - goLiveMonth.Year) * 12 + wave.Month - goLiveMonth.Month + 1;
        HashSet<string> Members(Cell cell) => respondents.Where(r => r.Construct == cell.Construct
                && (cell.Department == "All" || r.Department == cell.Department)
                && cell.Kind switch
                {
                    "wave" => $"{r.Survey}|{r.Wave:yyyy-MM-dd}" == cell.Period,
                    "month" => Month(r.Wave) == cell.Period,
                    "quarter" => r.Quarter == cell.Period,
                    _ => checkpoints.Where(c => c.Checkpoint == cell.Period).Any(c =>
                        Index(cell.Department == "All" ? organisationGoLive : goLive.GetValueOrDefault(r.Department, DateOnly.MaxValue), r.Wave) is var i
                        && i >= c.From && i <= c.To && (cell.Department == "All" || goLive.ContainsKey(r.Department))),
                })
            .Select(r => $"{r.Survey}|{r.ResponseId}").ToHashSet();

        var cells = visible.Keys.Select(c => (Cell: c, Members: Members(c))).Where(c => c.Members.Count > 0).ToList();
        // Every visible cell describes at least MinGroupSize people, and the exported n is what the oracle counts.
        cells.Where(c => c.Members.Count < m).Select(c => c.Cell.ToString()).ShouldBeEmpty();
        cells.Where(c => visible[c.Cell].N >= 0 && visible[c.Cell].N != c.Members.Count).Select(c => $"{c.Cell}: n {visible[c.Cell].N} vs {c.Members.Count}").ShouldBeEmpty();
        inconsistent.ShouldBeEmpty();

        long attempts = 0, recovered = 0;
        var examples = new List<string>();
        foreach (var group in cells.GroupBy(c => c.Cell.Construct))
        {
            var list = group.ToList();
            foreach (var (a, aMembers) in list)
            {
                var inside = list.Where(b => b.Cell != a && b.Members.Count < aMembers.Count && b.Members.IsSubsetOf(aMembers)).ToList();
                foreach (var (b, bMembers) in inside)
                {
                    attempts++;
                    var rest = aMembers.Count - bMembers.Count;
                    if (rest > 0 && rest < m) { recovered++; if (examples.Count < 5) examples.Add($"{a} - {b} = {rest} people"); }
                }
                if (inside.Count > 1)
                {
                    attempts++;
                    var union = inside.SelectMany(b => b.Members).ToHashSet();
                    var rest = aMembers.Count - union.Count;
                    if (rest > 0 && rest < m) { recovered++; if (examples.Count < 5) examples.Add($"{a} - all {inside.Count} visible cells inside it = {rest} people"); }
                }
            }
        }
        output.WriteLine($"{requests} filter combinations asked, {visible.Count} distinct visible survey cells, {attempts} subtractions tried, {recovered} cells recovered (MinGroupSize {m})");
        examples.ShouldBeEmpty();
        recovered.ShouldBe(0);
        attempts.ShouldBeGreaterThan(500);
        warehouse.Dispose();
    }
}
