using System.Diagnostics;
using System.Globalization;
using System.Text;
using AiChangeInsights.Warehouse.Ingest;
using Xunit.Abstractions;

namespace AiChangeInsights.Tests.Reliability;

/// <summary>
/// The hostile-file corpus (issue: Reliability): what analysts' tools really produce, and what an attacker would send.
/// Every file states its expected outcome: refused whole, with a message naming the file, the line and (where one
/// applies) the column; or loaded, with its bad rows named by line, column and reason, and the loaded count. After
/// every import the warehouse's data is compared with before: a refused file changes nothing, a loaded file lands
/// exactly the rows it reports. Small files are committed in HostileFiles/; large and binary ones are made at test time.
/// CSV injection in exports is pinned by <see cref="Web.Exports.ChartWorkbookTests.Text_that_a_spreadsheet_would_run_as_a_formula_stays_text"/>;
/// here the same payloads load as plain text.
/// </summary>
[Collection("hostile files")]
public sealed class HostileFileTests(ITestOutputHelper output)
{
    static string Corpus => Path.Combine(Repository.Root, "tests", "AiChangeInsights.Tests", "Reliability", "HostileFiles");

    /// <summary>Every case starts from a warehouse that knows these three people.</summary>
    const string Roster = "email,department\nan@example.nl,Verkoop\nbo@example.nl,Productie\ncy@example.nl,Financiën\n";

    abstract record Outcome;

    /// <summary>Refused whole: the import's message contains this text (file, line, column, reason).</summary>
    sealed record Refused(string Message) : Outcome;

    /// <summary>Loaded: this many rows, exactly these rejected rows or cells, these duplicates, this remark.</summary>
    sealed record Loads(long Rows, params Rejected[] Rejections) : Outcome
    {
        public long Duplicates { get; init; }
        public string? Says { get; init; }
    }

    /// <summary>A rejected row or cell: its line, its column as the file's header names it, the start of the reason.</summary>
    sealed record Rejected(int Line, string Column, string Reason);

    sealed record Case(string File, Outcome Expected, string Why)
    {
        /// <summary>Writes a generated file to the path (large or binary files are never committed).</summary>
        public Action<string>? Make { get; init; }

        public ImportRequest? Request { get; init; }

        /// <summary>Further checks on what was loaded (values intact, nothing written elsewhere).</summary>
        public Action<TestWarehouse, ImportSummary>? Then { get; init; }

        /// <summary>How long the import may take at most (a refusal must be quick, not a timeout).</summary>
        public TimeSpan? Within { get; init; }
    }

    static readonly string TraversalTarget = Path.Combine(Path.GetTempPath(), "aci-hostile-escaped.csv");

    static IEnumerable<Case> Cases() =>
    [
        // Structure of the text
        new("usage-truncated-inside-quote.csv",
            new Refused("usage-truncated-inside-quote.csv line 3, column 4: a quote opened here is never closed (the file may be cut off)."),
            "a download cut off inside a quoted value"),
        new("roster-tab-header-comma-rows.csv",
            new Refused("roster-tab-header-comma-rows.csv line 1: the header is split by tab, but the lines below by ','"),
            "the wrong delimiter: a tab-separated header over comma-separated rows, so the header does not split"),
        new("usage-decimal-commas-unquoted.csv",
            new Refused("usage-decimal-commas-unquoted.csv line 2, column 5: the row has a value in field 5 but the header (line 1) has 4 columns."),
            "a ',' file whose decimal commas (12,5) split the values"),
        new("roster-tab-separated.csv", new Loads(3),
            "a tab-separated roster: the delimiter is recognised from the lines")
        {
            Then = (test, summary) =>
            {
                summary.Message.ShouldContain("CSV (tab, UTF-8)");
                RosterValues(test, summary, "role").ShouldBe(["employee", "manager", "leadership"]);
            },
        },
        new("roster-colon-separated.csv",
            new Refused("roster-colon-separated.csv line 1: no known export recognised from the header. Found: 'email:department'. The header is a single column"),
            "a delimiter that is not one of , ; tab |"),
        new("roster-trailing-delimiters.csv", new Loads(2), "every line ends in a delimiter (an empty last column)"),
        new("only-delimiters.csv", new Refused("only-delimiters.csv line 1: no known export recognised from the header. Found: no column names."),
            "lines of delimiters only"),
        new("roster-crlf-and-lf-mixed.csv", new Loads(3), "CRLF and LF line ends mixed (a file edited on two systems)")
        {
            Then = (test, summary) => RosterValues(test, summary, "department").ShouldBe(["Verkoop", "Productie", "Inkoop"]),
        },
        new("roster-old-mac-line-endings.csv",
            new Refused("roster-old-mac-line-endings.csv line 1: lines end in a lone carriage return (old Mac format): save the file as CSV UTF-8."),
            "lone CR line ends"),
        new("roster-quote-inside-unquoted-field.csv", new Loads(2), "a quote inside an unquoted value is a literal, as Excel writes it")
        {
            Then = (test, summary) => RosterValues(test, summary, "department").ShouldBe(["Team \"Noord\"", "Productie"]),
        },
        new("roster-duplicate-column-names.csv",
            new Refused("roster-duplicate-column-names.csv line 1, column 4 (department): the header names 'department' twice (columns 2 and 4)"),
            "a header with the same column twice: which one is meant cannot be guessed"),
        new("survey-duplicate-question-columns.csv", new Loads(2),
            "a survey asking the same question text twice (and 'Toelichting' after each): two questions, not one mixed mean")
        {
            Then = (test, summary) =>
            {
                test.Query<string>("select question from survey_question order by question").ShouldBe(
                    ["Ik vertrouw de antwoorden van Copilot (column 4)", "Ik vertrouw de antwoorden van Copilot (column 6)"]);
                test.Query<(string, decimal)>("select question, avg(answer)::decimal(6, 2) from raw_survey_answer group by question order by question")
                    .Select(a => a.Item2).ShouldBe([4.5m, 2.5m]);
                summary.Message.ShouldContain("'Toelichting (column 5)', 'Toelichting (column 7)'");
            },
        },
        new("roster-title-rows-and-blank-lines.csv",
            new Loads(2, new Rejected(7, "Afdeling", "department is required but empty")),
            "title rows, an empty row of delimiters and blank lines above and between the rows: lines keep their numbers"),
        new("roster-two-files-joined.csv",
            new Loads(2, new Rejected(3, "email", "not an e-mail address or UPN")),
            "two exports joined with cat: a BOM and a second header in the middle"),
        new("roster-bom-in-middle.csv", new Loads(2), "a byte-order mark at the start of a data line is not part of the e-mail address")
        {
            Then = (test, summary) =>
            {
                // bo@example.nl is the baseline's bo: no new person.
                test.Scalar<long>("select count(*) from person").ShouldBe(3);
                RosterValues(test, summary, "department").ShouldBe(["Verkoop", "Productie"]);
            },
        },
        new("roster-nul-byte-in-middle.csv",
            new Refused("roster-nul-byte-in-middle.csv line 3, column 1: the file holds a NUL byte (binary data)"),
            "a NUL byte inside a value"),
        new("roster-nul-byte-after-8kb.csv",
            new Refused("roster-nul-byte-after-8kb.csv line 402, column 2: the file holds a NUL byte (binary data)"),
            "a NUL byte beyond the first 8 KB that the format sniffer looks at")
        {
            Make = path => File.WriteAllBytes(path, Encoding.UTF8.GetBytes(
                "email,department\n" + string.Concat(Enumerable.Range(0, 400).Select(i => $"p{i}@example.nl,Afdeling {i % 7}\n"))
                + "ze@example.nl,Verk\0oop\n")),
        },

        // Encodings
        new("roster-windows-1252.csv", new Loads(3), "Windows-1252 from Dutch Excel, ';' and Dutch headers")
        {
            Then = (test, summary) =>
            {
                summary.Message.ShouldContain("Windows-1252");
                RosterValues(test, summary, "department").ShouldBe(["Financiën", "Ingénieurs & Techniek", "Café"]);
            },
        },
        new("roster-utf16le-bom.txt", new Loads(2), "UTF-16 LE with BOM, tab-separated, CRLF: Excel's 'Unicode text'")
        {
            Then = (test, summary) =>
            {
                summary.Message.ShouldContain("UTF-16");
                RosterValues(test, summary, "department").ShouldBe(["Financiën", "Réception"]);
            },
        },
        new("roster-utf16be-bom.csv", new Loads(2), "UTF-16 BE with BOM")
        {
            Then = (test, summary) => RosterValues(test, summary, "department").ShouldBe(["Financiën", "Réception"]),
        },
        new("roster-utf32le-bom.csv", new Loads(2), "UTF-32 LE with BOM, which starts like UTF-16 LE's")
        {
            Make = path => File.WriteAllBytes(path, [.. new UTF32Encoding(false, true).GetPreamble(),
                .. new UTF32Encoding(false, true).GetBytes("email,department\nan@example.nl,Financiën\nbo@example.nl,Réception\n")]),
            Then = (test, summary) =>
            {
                summary.Message.ShouldContain("UTF-32, converted");
                RosterValues(test, summary, "department").ShouldBe(["Financiën", "Réception"]);
            },
        },
        new("usage-mixed-encodings.csv",
            new Refused("usage-mixed-encodings.csv line 3: this line is not UTF-8 (Windows-1252?) while other lines are UTF-8: the file mixes two encodings"),
            "a UTF-8 file with a Windows-1252 line appended: read either way, some names would be garbled"),
        new("roster-utf16le-no-bom.csv", new Refused("roster-utf16le-no-bom.csv line 1: the file is UTF-16 without a byte-order mark"),
            "UTF-16 without its byte-order mark: every other byte is NUL"),

        // Nothing in it
        new("empty.csv", new Refused("empty.csv line 1: the file is empty."), "zero bytes"),
        new("only-whitespace.csv", new Refused("only-whitespace.csv line 1: the file is empty."), "spaces, tabs and line ends only"),
        new("roster-header-only.csv", new Refused("roster-header-only.csv line 2: the file has a header but no data rows."), "a header without rows"),

        // Not a table at all
        new("excel-97-2003.xls",
            new Refused("excel-97-2003.xls line 1: this is an old Excel 97-2003 (.xls) workbook: save it as .xlsx or CSV UTF-8."), "an .xls workbook"),
        new("usage-export.pdf", new Refused("usage-export.pdf line 1: this is a PDF, not a CSV or .xlsx file."), "a PDF report"),
        new("activities-login-page-saved-as.csv",
            new Refused("activities-login-page-saved-as.csv line 1: this is a web page (HTML), not an export"),
            "a sign-in page saved instead of the export (the session had expired)"),
        new("usage-xml-spreadsheet-2003.xml",
            new Refused("usage-xml-spreadsheet-2003.xml line 1: this is an XML file (Excel's XML Spreadsheet 2003?), not a CSV or .xlsx file"),
            "Excel's XML Spreadsheet 2003 format"),
        new("settings-not-an-export.json",
            new Refused("settings-not-an-export.json line 1: no known export recognised from the header. Found: 'name', 'version', 'theme'."),
            "JSON that is not an export"),
        new("numbers-not-objects.json", new Refused("numbers-not-objects.json line 2: every record must be a JSON object"), "a JSON array of numbers"),
        new("roster-truncated.json", new Refused("roster-truncated.json line 3, column 37: the JSON could not be parsed"), "JSON cut off mid-object"),

        // The wrong report of a known tool
        new("teams-user-activity-report.csv",
            new Refused("teams-user-activity-report.csv line 1: this looks like a Microsoft 365 usage report, but not the Microsoft 365 Copilot usage report (user detail): " +
                        "the columns 'microsoft_teams_copilot_last_activity_date', 'copilot_chat_last_activity_date' are missing."),
            "the Teams user activity report instead of the Copilot one"),
        new("surveymonkey-summary-export.csv",
            new Refused("surveymonkey-summary-export.csv line 2: this looks like a SurveyMonkey summary export (percentages per answer choice, no responses), " +
                        "but not the SurveyMonkey export: the columns 'respondent_id', 'collector_id', 'start_date', 'end_date' are missing."),
            "SurveyMonkey's summary instead of the individual responses"),

        // Values
        new("usage-future-dates.csv", new Loads(2, new Rejected(3, "date", "lies in the future")), "a date in 2099"),
        new("usage-dates-before-2000.csv", new Loads(1, new Rejected(2, "date", "lies before 2000: check the date format")),
            "Excel's zero date 1900"),
        new("usage-excel-serial-dates.csv",
            new Refused("usage-excel-serial-dates.csv: all 2 rows were rejected; first at line 2, column 1 (date): not a date"),
            "dates as Excel serial numbers in a CSV: every row is bad, so the file is refused (the rows are kept as reasons)"),
        new("usage-negative-durations.csv", new Loads(2, new Rejected(3, "duration_minutes", "must be at least 0")), "a negative duration"),
        new("usage-duplicate-rows.csv", new Loads(2) { Duplicates = 1 }, "the same row twice: loaded once"),
        new("usage-unknown-users.csv", new Loads(2) { Says = "1 user(s) are not in any roster yet" }, "a user the roster does not know: loaded and noted"),
        new("usage-mixed-date-formats.csv",
            new Loads(3, new Rejected(5, "date", "day and month order differ from the other rows of this column (read as dd-mm-yyyy)")),
            "ISO and dd-mm-yyyy in one column load; the one mm/dd/yyyy date is the minority and is rejected with the reason"),
        new("business-metrics-thousands-separators.csv", new Loads(3), "thousands separators with a decimal point (1,234,567.50)")
        {
            Then = (test, summary) => MetricValues(test, summary).ShouldBe([1234567.50m, 2000000m, 987.25m]),
        },
        new("business-metrics-thousands-dutch.csv", new Loads(3), "Dutch thousands separators with a decimal comma (1.234.567,50)")
        {
            Then = (test, summary) => MetricValues(test, summary).ShouldBe([1234567.50m, 2000000m, 987.25m]),
        },
        new("survey-not-applicable-answer.csv",
            new Loads(3, new Rejected(3, "Ik ben tevreden over Copilot", "not a number or answer label on the question's scale (answer ignored)")),
            "a survey answer 'N/A': the response stays, the answer is ignored and named"),
        new("roster-same-email-different-case.csv", new Loads(2) { Duplicates = 1, Says = "first repeat on line 4" },
            "one e-mail address twice in different case: one person, the first line counts, the repeat is named")
        {
            Then = (test, summary) => RosterValues(test, summary, "department").ShouldBe(["Verkoop", "Productie"]),
        },
        new("roster-csv-injection.csv", new Loads(4),
            "formula payloads in text values load as plain text; exports keep them text: ChartWorkbookTests." +
            nameof(Web.Exports.ChartWorkbookTests.Text_that_a_spreadsheet_would_run_as_a_formula_stays_text))
        {
            Then = (test, summary) => RosterValues(test, summary, "department").ShouldBe(
                ["=HYPERLINK(\"http://evil.example/?x=\",\"klik\")", "+cmd|' /C calc'!A0", "-2+3", "@SUM(1)"]),
        },
        new("roster-one-giant-field.csv",
            new Loads(2, new Rejected(3, "department", "longer than 1000 characters")),
            "a 1 MB single field: the row is rejected, not a 1 MB department name")
        {
            Make = path => File.WriteAllText(path, $"email,department\nan@example.nl,Verkoop\nbo@example.nl,{new string('x', 1 << 20)}\ncy@example.nl,Inkoop\n"),
        },
        new("one-giant-line.csv",
            new Refused("one-giant-line.csv line 1: no known export recognised from the header. Found: 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…'"),
            "a 1 MB single line without a delimiter or line end: refused with a message of normal length")
        {
            Make = path => File.WriteAllText(path, new string('x', 1 << 20)),
            Then = (_, summary) => summary.Message.Length.ShouldBeLessThan(2_000),
        },
        new("roster-10000-columns.csv", new Loads(2), "10,000 columns: the unknown ones are ignored, quickly")
        {
            Make = path => File.WriteAllText(path,
                "email,department," + string.Join(",", Enumerable.Range(1, 9998).Select(i => $"kolom {i}")) + "\n"
                + "an@example.nl,Verkoop" + new string(',', 9998) + "\nbo@example.nl,Productie" + string.Concat(Enumerable.Repeat(",x", 9998)) + "\n"),
            Within = TimeSpan.FromSeconds(15),
        },
        new("survey-10000-question-columns.csv",
            new Refused("survey-10000-question-columns.csv line 1, column 1004 (Vraag 1001): the header has 10000 columns that would each be a survey question; at most 1000 are read."),
            "10,000 columns that a survey would each take as a question: refused quickly instead of minutes of work")
        {
            Make = path => File.WriteAllText(path,
                "response_id,submitted_at,department," + string.Join(",", Enumerable.Range(1, 10000).Select(i => $"Vraag {i}")) + "\n"
                + "1,2025-03-03,Verkoop" + string.Concat(Enumerable.Repeat(",3", 10000)) + "\n"),
            Within = TimeSpan.FromSeconds(15),
        },

        // Names and contents that lie
        new("roster-csv-renamed.xlsx", new Loads(2), "a CSV named .xlsx is read by its content")
        {
            Then = (_, summary) => summary.Message.ShouldContain("CSV (',', UTF-8)"),
        },
        new("roster-xlsx-renamed.csv", new Loads(2), "an .xlsx named .csv is read by its content")
        {
            Make = path => HandWrittenWorkbook.Write(path, "Personeel",
            [
                HandWrittenWorkbook.Row(1, HandWrittenWorkbook.Text("A1", "E-mail"), HandWrittenWorkbook.Text("B1", "Afdeling")),
                HandWrittenWorkbook.Row(2, HandWrittenWorkbook.Text("A2", "an@example.nl"), HandWrittenWorkbook.Text("B2", "Verkoop")),
                HandWrittenWorkbook.Row(3, HandWrittenWorkbook.Text("A3", "bo@example.nl"), HandWrittenWorkbook.Text("B3", "Productie")),
            ]),
            Then = (_, summary) => summary.Message.ShouldContain("Excel workbook, sheet 'Personeel'"),
        },
        new("..%2f..%2fetc%2fpasswd.csv", new Loads(2), "an encoded path-traversal file name is only a name")
        {
            Make = path => File.WriteAllText(path, "email,department\nan@example.nl,Verkoop\nbo@example.nl,Productie\n"),
            Then = (test, summary) =>
            {
                summary.File.ShouldBe("..%2f..%2fetc%2fpasswd.csv");
                test.Scalar<string>("select file_name from import_history where import_id = $id", new { id = summary.ImportId }).ShouldBe("..%2f..%2fetc%2fpasswd.csv");
            },
        },
        new("roster-traversal.csv", new Loads(2), "a file name with ../ and a line break given through ImportRequest.FileName is reduced to its last part")
        {
            Make = path => File.WriteAllText(path, "email,department\nan@example.nl,Verkoop\nbo@example.nl,Productie\n"),
            Request = new ImportRequest { FileName = "../../../../" + Path.GetFileName(TraversalTarget) + "\r\nimport #1 loaded.csv" },
            Then = (test, summary) =>
            {
                var expected = Path.GetFileName(TraversalTarget) + "import #1 loaded.csv";
                summary.File.ShouldBe(expected);
                summary.Message.ShouldNotContain("../");
                test.Scalar<string>("select file_name from import_history where import_id = $id", new { id = summary.ImportId }).ShouldBe(expected);
                File.Exists(TraversalTarget).ShouldBeFalse();
                Directory.GetFiles(test.Folder, "*", SearchOption.AllDirectories).Select(Path.GetFileName)
                    .ShouldNotContain(f => f!.Contains("aci-hostile-escaped", StringComparison.Ordinal));
            },
        },

        // Workbooks
        new("roster-formulas-and-merged-cells.xlsx",
            new Loads(3),
            "formulas (their cached values are read, never recalculated), a merged title row and a department merged over two rows")
        {
            Make = path => HandWrittenWorkbook.Write(path, "Personeel",
            [
                HandWrittenWorkbook.Row(1, HandWrittenWorkbook.Text("A1", "Personeelslijst maart 2025")),
                HandWrittenWorkbook.Row(2, HandWrittenWorkbook.Text("A2", "E-mail"), HandWrittenWorkbook.Text("B2", "Afdeling"),
                    HandWrittenWorkbook.Text("C2", "Functie"), HandWrittenWorkbook.Text("D2", "Uitroldatum")),
                HandWrittenWorkbook.Row(3, HandWrittenWorkbook.Text("A3", "an@example.nl"), HandWrittenWorkbook.Text("B3", "Verkoop"),
                    HandWrittenWorkbook.Text("C3", "Medewerker"), HandWrittenWorkbook.Number("D3", 45663, "DATE(2025,1,6)", date: true)),
                HandWrittenWorkbook.Row(4, HandWrittenWorkbook.TextFormula("A4", "LOWER(\"BO@EXAMPLE.NL\")", "bo@example.nl"),
                    HandWrittenWorkbook.TextFormula("C4", "\"Team\"&\"leider\"", "Teamleider"), HandWrittenWorkbook.Number("D4", 45670, "D3+7", date: true)),
                HandWrittenWorkbook.Row(5, HandWrittenWorkbook.Text("A5", "cy@example.nl"), HandWrittenWorkbook.Text("B5", "Financiën"),
                    HandWrittenWorkbook.Text("C5", "Directeur"), HandWrittenWorkbook.Number("D5", 45658, date: true)),
            ], ["A1:D1", "B3:B4"]),
            Then = (test, summary) =>
            {
                RosterValues(test, summary, "department").ShouldBe(["Verkoop", "Verkoop", "Financiën"]);
                RosterValues(test, summary, "role").ShouldBe(["employee", "manager", "leadership"]);
                RosterValues(test, summary, "strftime(rollout_date, '%Y-%m-%d')").ShouldBe(["2025-01-06", "2025-01-13", "2025-01-01"]);
            },
        },
        new("roster-failed-formulas.xlsx",
            new Loads(1,
                new Rejected(3, "Afdeling", "an Excel error value: the formula behind this cell failed"),
                new Rejected(4, "Uitroldatum", "not a date (expected yyyy-mm-dd or dd-mm-yyyy)")),
            "failed formulas (#N/A from a lookup, #VALUE! from a date): rejected with line and column, never read as empty cells")
        {
            Make = path => HandWrittenWorkbook.Write(path, "Personeel",
            [
                HandWrittenWorkbook.Row(1, HandWrittenWorkbook.Text("A1", "E-mail"), HandWrittenWorkbook.Text("B1", "Afdeling"),
                    HandWrittenWorkbook.Text("C1", "Uitroldatum")),
                HandWrittenWorkbook.Row(2, HandWrittenWorkbook.Text("A2", "an@example.nl"), HandWrittenWorkbook.Text("B2", "Verkoop"),
                    HandWrittenWorkbook.Number("C2", 45663, date: true)),
                HandWrittenWorkbook.Row(3, HandWrittenWorkbook.Text("A3", "bo@example.nl"),
                    HandWrittenWorkbook.Error("B3", "VLOOKUP(A3,Afdelingen!A:B,2,FALSE)", "#N/A"), HandWrittenWorkbook.Number("C3", 45663, date: true)),
                HandWrittenWorkbook.Row(4, HandWrittenWorkbook.Text("A4", "cy@example.nl"), HandWrittenWorkbook.Text("B4", "Verkoop"),
                    HandWrittenWorkbook.Error("C4", "DATEVALUE(\"gisteren\")", "#VALUE!")),
            ]),
        },
        new("zip-bomb.xlsx",
            new Refused("zip-bomb.xlsx line 1: the workbook unpacks to more than 1024 MB or compresses"),
            "a valid workbook whose 2 GB sheet compresses to about 2 MB: refused from the zip's directory, without unpacking")
        {
            Make = path => ZipBomb(path),
            Within = TimeSpan.FromSeconds(5),
        },
        new("zip-bomb-claiming-small.xlsx",
            new Refused("zip-bomb-claiming-small.xlsx line 1: the workbook cannot be read: Unexpected end of file"),
            "the same bomb, its zip directory claiming the sheet unpacks to 1 MB: reading stops at the claimed size")
        {
            Make = path =>
            {
                ZipBomb(path);
                HandWrittenWorkbook.ClaimUnpackedSize(path, HandWrittenWorkbook.SheetPart, 1 << 20);
            },
            Within = TimeSpan.FromSeconds(10),
        },
        new("roster-cut-in-half.xlsx", new Refused("roster-cut-in-half.xlsx line 1: the .xlsx file is damaged"), "a workbook download cut off halfway")
        {
            Make = path =>
            {
                HandWrittenWorkbook.Write(path, "Personeel", Enumerable.Range(1, 200).Select(i =>
                    HandWrittenWorkbook.Row(i, HandWrittenWorkbook.Text($"A{i}", i == 1 ? "E-mail" : $"p{i}@example.nl"), HandWrittenWorkbook.Text($"B{i}", i == 1 ? "Afdeling" : "Verkoop"))));
                var bytes = File.ReadAllBytes(path);
                File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
            },
        },
        new("roster-broken-sheet-xml.xlsx",
            new Refused("roster-broken-sheet-xml.xlsx line 1: the workbook cannot be read: The 'is' start tag"),
            "a workbook whose sheet XML breaks off in row 3 (hand-edited or badly generated)")
        {
            Make = path => HandWrittenWorkbook.Write(path, "Personeel",
            [
                HandWrittenWorkbook.Row(1, HandWrittenWorkbook.Text("A1", "E-mail"), HandWrittenWorkbook.Text("B1", "Afdeling")),
                HandWrittenWorkbook.Row(2, HandWrittenWorkbook.Text("A2", "an@example.nl"), HandWrittenWorkbook.Text("B2", "Verkoop")),
                "<row r=\"3\"><c r=\"A3\" t=\"inlineStr\"><is><t>bo@example.nl</t></c></row>",
            ]),
        },
    ];

    [Fact]
    public void Every_hostile_file_is_refused_whole_or_loads_with_its_bad_rows_named_and_nothing_is_half_loaded()
    {
        var generated = Path.Combine(Path.GetTempPath(), "aci-hostile-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(generated);
        // Every case starts from a copy of the same small warehouse: isolated, without running the migrations 60 times.
        using var template = new TestWarehouse();
        template.Import(template.File("baseline-roster.csv", Roster)).Status.ShouldBe(ImportSummary.Loaded);
        template.Close();
        var failures = new List<string>();
        int tried = 0, refused = 0, loaded = 0, withRejections = 0, partial = 0;
        var clock = Stopwatch.StartNew();
        try
        {
            foreach (var hostile in Cases())
            {
                tried++;
                var (problems, isPartial) = Run(hostile, template.Folder, generated);
                if (isPartial) partial++;
                if (problems.Count > 0) failures.Add($"{hostile.File} ({hostile.Why}):\n    " + string.Join("\n    ", problems));
                else if (hostile.Expected is Refused) refused++;
                else
                {
                    loaded++;
                    if (((Loads)hostile.Expected).Rejections.Length > 0) withRejections++;
                }
            }
        }
        finally
        {
            Directory.Delete(generated, recursive: true);
        }

        var summary = $"hostile files: {tried} tried, {refused} rejected as expected, {loaded} loaded as expected ({withRejections} with named rejected rows), " +
                      $"{partial} partial loads, {failures.Count} unexpected outcomes ({clock.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s)";
        output.WriteLine(summary);
        ReliabilityFigures.Add(ReliabilityFigures.FilesTried, tried);
        ReliabilityFigures.Add(ReliabilityFigures.RejectedAsExpected, refused);
        ReliabilityFigures.Add(ReliabilityFigures.PartialLoads, partial);
        ReliabilityFigures.Add(ReliabilityFigures.Errors, failures.Count);
        failures.ShouldBeEmpty(string.Join("\n", failures));
        partial.ShouldBe(0);
        tried.ShouldBeGreaterThanOrEqualTo(40);
    }

    (List<string> Problems, bool Partial) Run(Case hostile, string template, string generated)
    {
        using var test = TestWarehouse.CopyOf(template);
        var path = Path.Combine(hostile.Make is null ? Corpus : generated, hostile.File);
        hostile.Make?.Invoke(path);
        var before = test.DataCounts();

        var clock = Stopwatch.StartNew();
        ImportSummary summary;
        try
        {
            summary = test.Import(path, hostile.Request);
        }
        catch (Exception e)
        {
            output.WriteLine($"{hostile.File}: THREW {e.GetType().Name}: {e.Message}");
            return ([$"the import threw {e.GetType().Name} instead of answering: {e.Message}"], !test.DataCounts().SequenceEqual(before));
        }
        finally
        {
            if (hostile.Make is not null) File.Delete(path);
        }
        clock.Stop();
        var after = test.DataCounts();
        var message = summary.Message.Length > 400 ? summary.Message[..400] + "…" : summary.Message;
        output.WriteLine($"{hostile.File}: {summary.Status} in {clock.ElapsedMilliseconds} ms: {message}");

        var problems = new List<string>();
        switch (hostile.Expected)
        {
            case Refused refusal:
                if (summary.Status != ImportSummary.Rejected) problems.Add($"expected a refusal, got '{summary.Status}': {message}");
                if (!summary.Message.Contains(refusal.Message, StringComparison.Ordinal))
                    problems.Add($"expected the message to contain \"{refusal.Message}\", was \"{message}\"");
                if (!summary.Message.StartsWith(summary.File, StringComparison.Ordinal) || !summary.Message.Contains(" line ", StringComparison.Ordinal))
                    problems.Add("the message does not name the file and a line");
                break;
            case Loads loads:
                if (summary.Status != ImportSummary.Loaded) problems.Add($"expected a load, got '{summary.Status}': {message}");
                if (summary.RowsLoaded != loads.Rows) problems.Add($"expected {loads.Rows} rows loaded, got {summary.RowsLoaded}");
                if (summary.Duplicates != loads.Duplicates) problems.Add($"expected {loads.Duplicates} duplicates, got {summary.Duplicates}");
                if (loads.Says is { } says && !summary.Message.Contains(says, StringComparison.Ordinal))
                    problems.Add($"expected the message to say \"{says}\", was \"{message}\"");
                var rejected = test.Query<(int Line, string Column, string Reason)>(
                    "select line, column_name, reason from import_rejected_row where import_id = $id order by line, column_name", new { id = summary.ImportId });
                var matches = rejected.Count == loads.Rejections.Length && rejected.Zip(loads.Rejections)
                    .All(p => p.First.Line == p.Second.Line && p.First.Column == p.Second.Column && p.First.Reason.StartsWith(p.Second.Reason, StringComparison.Ordinal));
                if (!matches)
                    problems.Add($"expected rejected {string.Join("; ", loads.Rejections.Select(r => $"line {r.Line} {r.Column}: {r.Reason}"))}, " +
                                 $"got {string.Join("; ", rejected.Select(r => $"line {r.Line} {r.Column}: {r.Reason}"))}");
                if (loads.Rejections.Length > 0 && !summary.Message.Contains($"first at line {loads.Rejections[0].Line}, column ", StringComparison.Ordinal))
                    problems.Add("the message does not name the first rejected line and column");
                break;
            default:
                throw new InvalidOperationException();
        }
        // Whatever was expected: a file that did not load changed nothing; a file that loaded landed what it reports.
        var isPartial = summary.Status == ImportSummary.Loaded ? Landed(test, summary) != summary.RowsLoaded : !after.SequenceEqual(before);
        if (isPartial) problems.Add("PARTIAL LOAD: the warehouse's data does not match the import's outcome");
        if (hostile.Within is { } limit && clock.Elapsed > limit) problems.Add($"took {clock.Elapsed.TotalSeconds:0.0} s, more than {limit.TotalSeconds} s");
        try
        {
            hostile.Then?.Invoke(test, summary);
        }
        catch (Exception e)
        {
            problems.Add(e.Message);
        }
        return (problems, isPartial);
    }

    /// <summary>The rows the warehouse holds from this import, counted the way the import counts them.</summary>
    static long Landed(TestWarehouse test, ImportSummary summary) => summary.Source switch
    {
        "roster" => test.Scalar<long>("select count(*) from raw_roster where import_id = $id", new { id = summary.ImportId }),
        "usage" => test.Scalar<long>("select coalesce(sum(events), 0)::bigint from raw_usage where import_id = $id", new { id = summary.ImportId }),
        "survey" => test.Scalar<long>("select count(*) from raw_survey_response where import_id = $id", new { id = summary.ImportId }),
        "business_metrics" => test.Scalar<long>("select count(*) from raw_business_metric where import_id = $id", new { id = summary.ImportId }),
        _ => throw new InvalidOperationException($"no landed-row count for {summary.Source}"),
    };

    static List<string> RosterValues(TestWarehouse test, ImportSummary summary, string column) =>
        test.Query<string>($"select {column} from raw_roster where import_id = $id order by line", new { id = summary.ImportId });

    static List<decimal> MetricValues(TestWarehouse test, ImportSummary summary) =>
        test.Query<decimal>("select value from raw_business_metric where import_id = $id order by line", new { id = summary.ImportId });

    /// <summary>
    /// A valid workbook (a roster header, then one row repeated) whose sheet unpacks to 2 GB: 2,048 blocks of 1 MB through
    /// the zip's own deflate, about 15 MB on disk (137:1) and a second to write. Nothing in it is untrue, so only the
    /// unpacked size can give it away.
    /// </summary>
    static void ZipBomb(string path)
    {
        var row = Encoding.UTF8.GetBytes(HandWrittenWorkbook.Row(2, HandWrittenWorkbook.Text("A2", "an@example.nl"), HandWrittenWorkbook.Text("B2", "Verkoop")));
        var block = new byte[1 << 20];
        for (var i = 0; i + row.Length <= block.Length; i += row.Length) row.CopyTo(block, i);
        var used = block.Length - block.Length % row.Length;
        HandWrittenWorkbook.Write(path, "Personeel", sheet =>
        {
            sheet.Write(Encoding.UTF8.GetBytes(HandWrittenWorkbook.Row(1, HandWrittenWorkbook.Text("A1", "E-mail"), HandWrittenWorkbook.Text("B1", "Afdeling"))));
            for (var i = 0; i < 2048; i++) sheet.Write(block, 0, used);
        });
    }
}

/// <summary>The corpus runs on its own: it times imports, and must not slow the reliability suite's load tests.</summary>
[CollectionDefinition("hostile files", DisableParallelization = true)]
public sealed class HostileFilesCollection;

/// <summary>
/// The corpus's one large file: a valid usage log of about 200 MB (about 2.5 million rows), generated at test time and
/// never committed, loads whole with the exact row count. Long, so it runs with make test-reliability, not make test.
/// </summary>
[Collection("reliability"), Trait("Category", "Reliability")]
public sealed class HostileLargeFileTests(ITestOutputHelper output) : IDisposable
{
    readonly TestWarehouse test = new();

    public void Dispose() => test.Dispose();

    [Fact]
    public void A_200_MB_usage_file_loads_whole_with_the_right_count()
    {
        test.Import(Path.Combine(Repository.SeedData, "roster.csv")).Status.ShouldBe(ImportSummary.Loaded);
        var file = Path.Combine(test.Folder, "files", "usage-200mb.csv");
        var rows = LargeUsageFile.Write(file, 2_450_000, "Hostile 200 MB");
        var megabytes = new FileInfo(file).Length / 1_000_000.0;
        megabytes.ShouldBeGreaterThan(190);
        var before = test.Scalar<long>("select count(*) from raw_usage");

        var clock = Stopwatch.StartNew();
        var summary = test.Import(file);
        clock.Stop();

        summary.Status.ShouldBe(ImportSummary.Loaded, summary.Message);
        (summary.RowsRead, summary.RowsLoaded, summary.RowsRejected, summary.Duplicates).ShouldBe((rows, rows, 0L, 0L));
        test.Scalar<long>("select sum(events)::bigint from raw_usage where import_id = $id", new { id = summary.ImportId }).ShouldBe(rows);
        test.Scalar<long>("select count(*) from raw_usage").ShouldBe(before + rows);
        var line = string.Create(CultureInfo.InvariantCulture,
            $"200 MB usage file: {megabytes:0} MB, {rows:N0} rows loaded in {clock.Elapsed.TotalSeconds:0.0} s ({rows / clock.Elapsed.TotalSeconds:N0} rows/s)");
        output.WriteLine(line);
        ReliabilityFigures.Add(ReliabilityFigures.FilesTried);
        ReliabilityFigures.Note("200 MB import", string.Create(CultureInfo.InvariantCulture, $"{clock.Elapsed.TotalSeconds:0.0} s"));
    }
}
