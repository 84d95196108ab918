using System.Globalization;
using ClosedXML.Excel;
using Dapper;

namespace AiChangeInsights.Warehouse.Reports;

/// <summary>
/// The quarterly report for Leadership, one workbook per finished quarter, read from the contract views only:
/// a summary (the organisation's KPI matrix with traffic lights in words, the three biggest movements, data
/// freshness), one sheet per KPI dimension (the quarter's months and the matrix per department), the checkpoint
/// comparison, and notes (privacy rule, sources, definitions). Suppressed cells read "fewer than N responses",
/// never 0; text that a spreadsheet could run as a formula is written with a quote prefix so it stays text.
/// </summary>
public static class QuarterlyReport
{
    public sealed record Definition(string Kpi, string Dimension, string LabelEn, string LabelNl, string Unit, string Direction,
        string Indicator, double Target, double Amber, string Description, int SortOrder);

    public sealed record MatrixCell(string Dimension, string Kpi, string Checkpoint, string Department, double? Value, double Target,
        string Status, bool Suppressed, DateOnly? LastMonth);

    public sealed record MonthCell(string Kpi, DateOnly Month, string Department, double? Value, bool Suppressed);

    public sealed record Movement(string Kpi, string LabelEn, string LabelNl, string Unit, double Reference, string ReferenceCheckpoint,
        double Latest, DateOnly? LatestMonth, double Target, bool Improved);

    public sealed record Comparison(string Dimension, string Kpi, string Department, double? Baseline, double? Early, double? Mid, double? Long,
        double? DeltaEarly, double? DeltaMid, double? DeltaLong, bool? BaselineSuppressed, bool? EarlySuppressed, bool? MidSuppressed, bool? LongSuppressed);

    public static readonly (string Code, string En, string Nl)[] Dimensions =
    [
        ("usage", "Usage", "Gebruik"), ("competence", "Competence", "Competentie"), ("acceptance", "Acceptance", "Acceptatie"),
        ("business_impact", "Business impact", "Bedrijfsimpact"), ("innovation", "Innovation", "Innovatie"),
    ];

    public static readonly (string Code, string En, string Nl)[] Checkpoints =
    [
        ("baseline", "Baseline", "Nulmeting"), ("early", "1–3 months", "1–3 maanden"), ("mid", "6 months", "6 maanden"),
        ("long", "12+ months", "12+ maanden"), ("latest", "Latest", "Laatste"),
    ];

    public static readonly string[] SourceViews = ["kpi_matrix", "kpi_monthly", "kpi_movements", "checkpoint_comparison", "kpi_definition", "dim_checkpoint", "dim_organisation"];

    const string All = "All";
    static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];
    static readonly XLColor HeaderFill = XLColor.FromHtml("#EEF1F5");

    public static byte[] Build(Warehouse warehouse, ReportQuarter quarter, CultureInfo culture, DateTime generatedUtc)
    {
        var report = new Writer(Read(warehouse, quarter), quarter, culture, generatedUtc);
        using var workbook = new XLWorkbook();
        report.Summary(workbook.Worksheets.Add(report.T("Summary", "Samenvatting")));
        foreach (var dimension in Dimensions)
            report.Dimension(workbook.Worksheets.Add(report.T(dimension.En, dimension.Nl)), dimension);
        report.CheckpointSheet(workbook.Worksheets.Add(report.T("Checkpoints", "Meetmomenten")));
        report.Notes(workbook.Worksheets.Add(report.T("Notes", "Toelichting")));
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    sealed record Data(IReadOnlyList<Definition> Definitions, IReadOnlyList<MatrixCell> Matrix, IReadOnlyList<MonthCell> Months,
        IReadOnlyList<Movement> Movements, IReadOnlyList<Comparison> Comparisons, Freshness Freshness,
        IReadOnlyList<(string Checkpoint, int MonthFrom, int MonthTo, string LabelEn, string LabelNl)> CheckpointWindows);

    static Data Read(Warehouse warehouse, ReportQuarter quarter) => warehouse.Read(c => new Data(
        c.Query<Definition>("""
            select kpi, dimension, label_en as LabelEn, label_nl as LabelNl, unit, direction, indicator, target, amber,
                   definition as Description, sort_order as SortOrder
            from kpi_definition
            order by sort_order
            """).ToList(),
        c.Query<MatrixCell>("""
            select dimension, kpi, checkpoint, department, value, target, status, suppressed, last_month as LastMonth
            from kpi_matrix
            order by sort_order, department <> 'All', department, checkpoint_order
            """).ToList(),
        c.Query<MonthCell>("""
            select kpi, month, department, value, suppressed
            from kpi_monthly
            where tool = 'All' and month between $first and $last
            order by kpi, department <> 'All', department, month
            """, new { first = quarter.FirstMonth, last = quarter.LastMonth }).ToList(),
        c.Query<Movement>("""
            select kpi, label_en as LabelEn, label_nl as LabelNl, unit, reference, reference_checkpoint as ReferenceCheckpoint,
                   latest, latest_month as LatestMonth, target, improved
            from kpi_movements
            where department = 'All' and rank <= 3
            order by rank
            """).ToList(),
        c.Query<Comparison>("""
            select dimension, kpi, department, baseline, early, mid, long,
                   delta_early as DeltaEarly, delta_mid as DeltaMid, delta_long as DeltaLong,
                   baseline_suppressed as BaselineSuppressed, early_suppressed as EarlySuppressed,
                   mid_suppressed as MidSuppressed, long_suppressed as LongSuppressed
            from checkpoint_comparison
            order by sort_order, department <> 'All', department
            """).ToList(),
        Freshness.Read(c),
        c.Query<(string, int, int, string, string)>("""
            select checkpoint, month_from, month_to, label_en, label_nl
            from dim_checkpoint
            order by sort_order
            """).ToList()));

    /// <summary>Writes the sheets in one language; every visible string has its English and Dutch form here.</summary>
    sealed class Writer(Data data, ReportQuarter quarter, CultureInfo culture, DateTime generatedUtc)
    {
        readonly bool dutch = culture.TwoLetterISOLanguageName == "nl";
        readonly Dictionary<string, Definition> definitions = data.Definitions.ToDictionary(d => d.Kpi);
        readonly ILookup<(string Kpi, string Department), MatrixCell> matrix = data.Matrix.ToLookup(m => (m.Kpi, m.Department));

        public string T(string en, string nl) => dutch ? nl : en;

        string Label(Definition d) => T(d.LabelEn, d.LabelNl);

        string Suppressed => T($"fewer than {data.Freshness.MinGroupSize} responses", $"minder dan {data.Freshness.MinGroupSize} reacties");

        string Month(DateOnly month) => month.ToString("MMM yyyy", culture);

        string Department(string department) => department == All ? T("Whole organisation", "Hele organisatie") : department;

        string StatusWord(string status) => status switch
        {
            "green" => T("on target", "op koers"),
            "amber" => T("near target", "bijna op koers"),
            "red" => T("off target", "niet op koers"),
            _ => "",
        };

        string Period => $"{quarter.FirstMonth.ToString("d MMMM yyyy", culture)} – {quarter.End.AddDays(-1).ToString("d MMMM yyyy", culture)}";

        public void Summary(IXLWorksheet sheet)
        {
            var row = Title(sheet, T($"AI adoption: quarterly report {quarter}", $"AI-adoptie: kwartaalrapport {quarter}"));
            var facts = new (string Label, object? Value)[]
            {
                (T("Quarter", "Kwartaal"), $"{quarter} ({Period})"),
                (T("Data up to", "Gegevens tot en met"), data.Freshness.DataUntil),
                (T("Last import", "Laatste import"), data.Freshness.LastImportUtc is { } last ? DateTime.SpecifyKind(last, DateTimeKind.Utc) : null),
                (T("Generated", "Gemaakt"), generatedUtc),
                (T("Minimum group size (survey)", "Minimale groepsgrootte (enquête)"), data.Freshness.MinGroupSize),
            };
            foreach (var (label, value) in facts)
            {
                Bold(sheet.Cell(row, 1), label);
                var cell = sheet.Cell(row, 2);
                switch (value)
                {
                    case DateOnly d: cell.Value = d.ToDateTime(TimeOnly.MinValue); cell.Style.NumberFormat.Format = "yyyy-mm-dd"; break;
                    case DateTime t: cell.Value = t; cell.Style.NumberFormat.Format = "yyyy-mm-dd hh:mm \"UTC\""; break;
                    case int i: cell.Value = i; break;
                    case string s: SetText(cell, s); break;
                    default: SetText(cell, "–"); break;
                }
                cell.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Left;
                row++;
            }

            row = Heading(sheet, row + 1, T("What moved most (whole organisation)", "Wat het meest veranderde (hele organisatie)"));
            if (data.Movements.Count == 0) SetText(sheet.Cell(row++, 1), T("Not enough data yet to compare checkpoints.", "Nog te weinig gegevens om meetmomenten te vergelijken."));
            var rank = 1;
            foreach (var m in data.Movements)
            {
                var rose = m.Latest > m.Reference;
                var reference = m.ReferenceCheckpoint == "baseline" ? T("before go-live", "voor de livegang") : T("in the first three months", "in de eerste drie maanden");
                var when = m.LatestMonth is { } lm ? $" ({lm.ToString("MMMM yyyy", culture)})" : "";
                sheet.Cell(row, 1).Value = rank++;
                SetText(sheet.Cell(row, 2), dutch
                    ? $"{m.LabelNl} {(rose ? "steeg" : "daalde")} van {Format(m.Reference, m.Unit)} {reference} naar {Format(m.Latest, m.Unit)}{when}: " +
                      $"{(m.Improved ? "een verbetering" : "een verslechtering")}; doel {Format(m.Target, m.Unit)}."
                    : $"{m.LabelEn} {(rose ? "rose" : "fell")} from {Format(m.Reference, m.Unit)} {reference} to {Format(m.Latest, m.Unit)}{when}: " +
                      $"{(m.Improved ? "an improvement" : "a deterioration")}; target {Format(m.Target, m.Unit)}.");
                row++;
            }

            row = Heading(sheet, row + 1, T("KPI matrix, whole organisation", "KPI-matrix, hele organisatie"));
            var header = new List<string> { T("Dimension", "Dimensie"), "KPI", T("Leading/lagging", "Voorlopend/achterlopend") };
            header.AddRange(MatrixHeader());
            header.Add(T($"{quarter}, last month with data", $"{quarter}, laatste maand met gegevens"));
            header.Add(T("Month", "Maand"));
            row = Header(sheet, row, header);
            foreach (var d in data.Definitions)
            {
                SetText(sheet.Cell(row, 1), T(DimensionName(d.Dimension).En, DimensionName(d.Dimension).Nl));
                SetText(sheet.Cell(row, 2), Label(d));
                SetText(sheet.Cell(row, 3), d.Indicator == "leading" ? T("leading", "voorlopend") : T("lagging", "achterlopend"));
                var column = MatrixCells(sheet, row, 4, d, All);
                var inQuarter = data.Months.Where(m => m.Kpi == d.Kpi && m.Department == All && (m.Value is not null || m.Suppressed)).MaxBy(m => m.Month);
                if (inQuarter is not null)
                {
                    Value(sheet.Cell(row, column), inQuarter.Value, d.Unit, inQuarter.Suppressed);
                    SetText(sheet.Cell(row, column + 1), Month(inQuarter.Month));
                }
                else
                {
                    SetText(sheet.Cell(row, column), "–");
                }
                row++;
            }
            SetText(sheet.Cell(row + 1, 1), T(
                "Traffic lights in words: on target = meets the target; near target = meets the amber threshold; off target = does not. The baseline is the reference before go-live and is not judged.",
                "Stoplicht in woorden: op koers = haalt het doel; bijna op koers = haalt de oranje drempel; niet op koers = haalt die niet. De nulmeting is de referentie voor de livegang en krijgt geen oordeel."));
            Widths(sheet, [18, 34, 16, 12, 12, 15, 12, 15, 12, 15, 12, 15, 12, 18, 16]);
            sheet.Column(2).Style.Alignment.WrapText = false;
        }

        public void Dimension(IXLWorksheet sheet, (string Code, string En, string Nl) dimension)
        {
            var kpis = data.Definitions.Where(d => d.Dimension == dimension.Code).ToList();
            var row = Title(sheet, $"{T(dimension.En, dimension.Nl)}: {quarter}");

            row = Heading(sheet, row + 1, T($"Month by month in {quarter}", $"Per maand in {quarter}"));
            var header = new List<string> { "KPI", T("Department", "Afdeling") };
            header.AddRange(quarter.Months.Select(Month));
            header.Add(T("Target", "Doel"));
            row = Header(sheet, row, header);
            foreach (var d in kpis)
            {
                foreach (var department in data.Months.Where(m => m.Kpi == d.Kpi).Select(m => m.Department).Distinct())
                {
                    SetText(sheet.Cell(row, 1), Label(d));
                    SetText(sheet.Cell(row, 2), Department(department));
                    for (var i = 0; i < 3; i++)
                    {
                        var cell = data.Months.FirstOrDefault(m => m.Kpi == d.Kpi && m.Department == department && m.Month == quarter.Months[i]);
                        Value(sheet.Cell(row, 3 + i), cell?.Value, d.Unit, cell?.Suppressed == true);
                    }
                    Value(sheet.Cell(row, 6), d.Target, d.Unit, false);
                    row++;
                }
            }
            if (!data.Months.Any(m => kpis.Any(k => k.Kpi == m.Kpi)))
                SetText(sheet.Cell(row++, 1), T("No data in this quarter.", "Geen gegevens in dit kwartaal."));

            row = Heading(sheet, row + 1, T("KPI matrix per department (checkpoints from go-live)", "KPI-matrix per afdeling (meetmomenten vanaf de livegang)"));
            var matrixHeader = new List<string> { "KPI", T("Department", "Afdeling") };
            matrixHeader.AddRange(MatrixHeader());
            row = Header(sheet, row, matrixHeader);
            foreach (var d in kpis)
            {
                foreach (var department in data.Matrix.Where(m => m.Kpi == d.Kpi).Select(m => m.Department).Distinct())
                {
                    SetText(sheet.Cell(row, 1), Label(d));
                    SetText(sheet.Cell(row, 2), Department(department));
                    MatrixCells(sheet, row, 3, d, department);
                    row++;
                }
            }
            Widths(sheet, [34, 20, 14, 14, 14, 14, 12, 15, 12, 15, 12, 15, 12]);
        }

        public void CheckpointSheet(IXLWorksheet sheet)
        {
            var row = Title(sheet, T("Checkpoints: baseline vs 1–3, 6 and 12+ months", "Meetmomenten: nulmeting tegen 1–3, 6 en 12+ maanden"));
            SetText(sheet.Cell(row++, 1), T(
                "Each KPI per department at the four checkpoints, and the change against the baseline in the KPI's own unit.",
                "Elke KPI per afdeling op de vier meetmomenten, en de verandering ten opzichte van de nulmeting in de eigen eenheid van de KPI."));
            row = Header(sheet, row + 1,
            [
                T("Dimension", "Dimensie"), "KPI", T("Department", "Afdeling"), T("Baseline", "Nulmeting"), T("1–3 months", "1–3 maanden"),
                T("6 months", "6 maanden"), T("12+ months", "12+ maanden"), T("Change 1–3 months", "Verandering 1–3 maanden"),
                T("Change 6 months", "Verandering 6 maanden"), T("Change 12+ months", "Verandering 12+ maanden"),
            ]);
            foreach (var c in data.Comparisons)
            {
                if (!definitions.TryGetValue(c.Kpi, out var d)) continue;
                var (baseline, early, mid, @long) = (c.BaselineSuppressed == true, c.EarlySuppressed == true, c.MidSuppressed == true, c.LongSuppressed == true);
                SetText(sheet.Cell(row, 1), T(DimensionName(c.Dimension).En, DimensionName(c.Dimension).Nl));
                SetText(sheet.Cell(row, 2), Label(d));
                SetText(sheet.Cell(row, 3), Department(c.Department));
                Value(sheet.Cell(row, 4), c.Baseline, d.Unit, baseline);
                Value(sheet.Cell(row, 5), c.Early, d.Unit, early);
                Value(sheet.Cell(row, 6), c.Mid, d.Unit, mid);
                Value(sheet.Cell(row, 7), c.Long, d.Unit, @long);
                // A change against a hidden side is hidden too: it would give the hidden value away.
                Value(sheet.Cell(row, 8), c.DeltaEarly, Change(d.Unit), baseline || early);
                Value(sheet.Cell(row, 9), c.DeltaMid, Change(d.Unit), baseline || mid);
                Value(sheet.Cell(row, 10), c.DeltaLong, Change(d.Unit), baseline || @long);
                row++;
            }
            Widths(sheet, [18, 34, 20, 14, 14, 14, 14, 18, 18, 18]);
        }

        public void Notes(IXLWorksheet sheet)
        {
            var row = Title(sheet, T("Notes", "Toelichting"));
            var min = data.Freshness.MinGroupSize;
            var lines = new (string Label, string Text)[]
            {
                (T("Privacy", "Privacy"), T(
                    $"Survey cells built from fewer than {min} respondents are never shown: they read \"fewer than {min} responses\", never 0. Cells that would let a hidden cell be worked out (the whole organisation minus the visible departments, or one period minus another) are hidden as well (complementary suppression). The warehouse holds no names or e-mail addresses; people are pseudonyms.",
                    $"Enquêtecellen met minder dan {min} respondenten worden nooit getoond: er staat \"minder dan {min} reacties\", nooit 0. Cellen waarmee een verborgen cel terug te rekenen zou zijn (de hele organisatie min de zichtbare afdelingen, of de ene periode min de andere) zijn ook verborgen (aanvullende onderdrukking). Het datawarehouse bevat geen namen of e-mailadressen; personen zijn pseudoniemen.")),
                (T("Minimum group size", "Minimale groepsgrootte"), min.ToString(culture)),
                (T("Audience", "Doelgroep"), T(
                    "Leadership. Usage figures per department are included; this workbook is not for the works council (their page is Acceptance & trends).",
                    "Directie. Gebruikscijfers per afdeling staan erin; dit werkboek is niet voor de ondernemingsraad (hun pagina is Acceptatie & trends).")),
                (T("Source views", "Bronviews"), string.Join(", ", SourceViews)),
                (T("Generated", "Gemaakt"), generatedUtc.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)),
                (T("Data up to", "Gegevens tot en met"), data.Freshness.DataUntil?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "–"),
                (T("Quarter", "Kwartaal"), $"{quarter} ({Period})"),
                (T("Checkpoint values", "Waarden per meetmoment"), T(
                    "Checkpoints are fixed windows from go-live (a department's from its own first go-live) and use all data present when the report was built; the month-by-month tables show the quarter itself.",
                    "Meetmomenten zijn vaste vensters vanaf de livegang (van een afdeling vanaf haar eigen eerste livegang) en gebruiken alle gegevens die er waren toen het rapport werd gemaakt; de tabellen per maand tonen het kwartaal zelf.")),
                (T("Traffic lights", "Stoplicht"), T(
                    "on target: meets the target; near target: meets the amber threshold; off target: does not meet the amber threshold. \"Meets\" is at or above for higher-is-better KPIs and at or below for lower-is-better ones. The baseline is not judged.",
                    "op koers: haalt het doel; bijna op koers: haalt de oranje drempel; niet op koers: haalt de oranje drempel niet. \"Halen\" is gelijk of hoger bij KPI's waar hoger beter is, gelijk of lager waar lager beter is. De nulmeting krijgt geen oordeel.")),
            };
            foreach (var (label, text) in lines)
            {
                Bold(sheet.Cell(row, 1), label);
                SetText(sheet.Cell(row, 2), text);
                sheet.Cell(row, 2).Style.Alignment.WrapText = true;
                sheet.Cell(row, 2).Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
                sheet.Cell(row, 1).Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
                row++;
            }

            row = Heading(sheet, row + 1, T("Checkpoints", "Meetmomenten"));
            row = Header(sheet, row, [T("Checkpoint", "Meetmoment"), T("Months from go-live", "Maanden vanaf livegang")]);
            foreach (var (_, from, to, en, nl) in data.CheckpointWindows)
            {
                SetText(sheet.Cell(row, 1), T(en, nl));
                SetText(sheet.Cell(row, 2), to >= 999 ? $"{from}+" : $"{from} … {to}");
                row++;
            }

            row = Heading(sheet, row + 1, T("KPI definitions", "Definities van de KPI's"));
            row = Header(sheet, row,
            [
                T("Dimension", "Dimensie"), "KPI", T("Code", "Code"), T("Unit", "Eenheid"), T("Direction", "Richting"),
                T("Leading/lagging", "Voorlopend/achterlopend"), T("Target", "Doel"), T("Amber threshold", "Oranje drempel"), T("Definition", "Definitie"),
            ]);
            foreach (var d in data.Definitions)
            {
                SetText(sheet.Cell(row, 1), T(DimensionName(d.Dimension).En, DimensionName(d.Dimension).Nl));
                SetText(sheet.Cell(row, 2), Label(d));
                SetText(sheet.Cell(row, 3), d.Kpi);
                SetText(sheet.Cell(row, 4), d.Unit);
                SetText(sheet.Cell(row, 5), d.Direction == "higher_better" ? T("higher is better", "hoger is beter") : T("lower is better", "lager is beter"));
                SetText(sheet.Cell(row, 6), d.Indicator == "leading" ? T("leading", "voorlopend") : T("lagging", "achterlopend"));
                Value(sheet.Cell(row, 7), d.Target, d.Unit, false);
                Value(sheet.Cell(row, 8), d.Amber, d.Unit, false);
                SetText(sheet.Cell(row, 9), d.Description);
                row++;
            }
            Widths(sheet, [26, 90, 26, 16, 18, 18, 12, 14, 100]);
        }

        IEnumerable<string> MatrixHeader()
        {
            foreach (var c in Checkpoints)
            {
                yield return T(c.En, c.Nl);
                if (c.Code != "baseline") yield return T($"Status {c.En.ToLowerInvariant()}", $"Status {c.Nl.ToLowerInvariant()}");
            }
            yield return T("Target", "Doel");
        }

        /// <summary>Value (and, after the baseline, the traffic light as a word) per checkpoint, then the target; returns the next column.</summary>
        int MatrixCells(IXLWorksheet sheet, int row, int column, Definition d, string department)
        {
            var cells = matrix[(d.Kpi, department)].ToDictionary(m => m.Checkpoint);
            foreach (var c in Checkpoints)
            {
                var cell = cells.GetValueOrDefault(c.Code);
                Value(sheet.Cell(row, column++), cell?.Value, d.Unit, cell?.Suppressed == true);
                if (c.Code == "baseline") continue;
                var status = cell is null || cell.Suppressed ? "none" : cell.Status;
                var statusCell = sheet.Cell(row, column++);
                SetText(statusCell, StatusWord(status));
                var fill = status switch { "green" => "#E3F4EE", "amber" => "#FCF0DA", "red" => "#FBE6DC", _ => null };
                if (fill is not null) statusCell.Style.Fill.BackgroundColor = XLColor.FromHtml(fill);
            }
            Value(sheet.Cell(row, column++), d.Target, d.Unit, false);
            return column;
        }

        void Value(IXLCell cell, double? value, string unit, bool suppressed)
        {
            if (suppressed)
            {
                SetText(cell, Suppressed);
                cell.Style.Font.Italic = true;
                cell.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Right;
                return;
            }
            if (value is not { } v || double.IsNaN(v) || double.IsInfinity(v))
            {
                SetText(cell, "–");
                cell.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Right;
                return;
            }
            cell.Value = v;
            cell.Style.NumberFormat.Format = unit switch
            {
                "share" => "0%",
                "share_change" => "+0%;-0%;0%",
                "relative_change" => "+0%;-0%;0%",
                "nps_points" => "+0;-0;0",
                "score_1_5" => "0.0",
                "count" => "0",
                "signed" => "+0.0;-0.0;0.0",
                _ => "0.0",
            };
        }

        /// <summary>The unit of a change: a change of a share is in percentage points, of a score in points.</summary>
        static string Change(string unit) => unit switch
        {
            "share" or "relative_change" => "share_change",
            "nps_points" => "nps_points",
            _ => "signed",
        };

        string Format(double value, string unit) => unit switch
        {
            "share" => value.ToString("P0", culture),
            "relative_change" => (value * 100).ToString("+0;-0;0", culture) + " %",
            "nps_points" => value.ToString("+0;-0;0", culture),
            "count" => value.ToString(Math.Abs(value - Math.Round(value)) < 1e-9 ? "N0" : "N1", culture),
            _ => value.ToString("N1", culture),
        };

        static (string En, string Nl) DimensionName(string code) =>
            Dimensions.Where(d => d.Code == code).Select(d => (d.En, d.Nl)).FirstOrDefault((code, code));

        static int Title(IXLWorksheet sheet, string title)
        {
            SetText(sheet.Cell(1, 1), title);
            sheet.Cell(1, 1).Style.Font.Bold = true;
            sheet.Cell(1, 1).Style.Font.FontSize = 14;
            return 3;
        }

        static int Heading(IXLWorksheet sheet, int row, string text)
        {
            SetText(sheet.Cell(row, 1), text);
            sheet.Cell(row, 1).Style.Font.Bold = true;
            sheet.Cell(row, 1).Style.Font.FontSize = 12;
            return row + 1;
        }

        static int Header(IXLWorksheet sheet, int row, IReadOnlyList<string> labels)
        {
            for (var i = 0; i < labels.Count; i++)
            {
                var cell = sheet.Cell(row, i + 1);
                SetText(cell, labels[i]);
                cell.Style.Font.Bold = true;
                cell.Style.Fill.BackgroundColor = HeaderFill;
                cell.Style.Alignment.WrapText = true;
                cell.Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
            }
            return row + 1;
        }

        static void Bold(IXLCell cell, string text)
        {
            SetText(cell, text);
            cell.Style.Font.Bold = true;
        }

        // Widths by hand: AdjustToContents needs libgdiplus and is slow.
        static void Widths(IXLWorksheet sheet, IReadOnlyList<double> widths)
        {
            for (var i = 0; i < widths.Count; i++) sheet.Column(i + 1).Width = widths[i];
        }
    }

    /// <summary>
    /// Text as text: SetValue keeps it a string (assigning Value would turn "Dec 2025" into a date and "2025" into a
    /// number), and a leading = + - @ (or tab, carriage return) gets Excel's quote prefix, so no cell ever runs as a formula.
    /// </summary>
    public static void SetText(IXLCell cell, string text)
    {
        cell.SetValue(text);
        if (text.Length > 0 && FormulaStarts.Contains(text[0])) cell.Style.IncludeQuotePrefix = true;
    }
}
