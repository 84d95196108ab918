using System.Text;

namespace AiChangeInsights.Tests.Ingest;

/// <summary>A broken file is refused whole, with line and column, and the warehouse's data is exactly as before.</summary>
public sealed class StructuralErrorTests : IDisposable
{
    readonly TestWarehouse test = new();

    public StructuralErrorTests() =>
        test.Import(test.File("roster.csv", "email,department\nan@example.nl,Verkoop\nbo@example.nl,Productie\n"));

    public void Dispose() => test.Dispose();

    void Rejected(string path, string expected)
    {
        var before = test.DataCounts();
        var summary = test.Import(path);
        summary.Status.ShouldBe("rejected");
        summary.Message.ShouldContain(expected);
        summary.RowsLoaded.ShouldBe(0);
        test.DataCounts().ShouldBe(before);
        test.Scalar<string>("select status from import_history order by import_id desc limit 1").ShouldBe("rejected");
    }

    [Fact]
    public void An_empty_file() => Rejected(test.File("empty.csv", ""), "empty.csv line 1: the file is empty");

    [Fact]
    public void A_header_without_rows() => Rejected(test.File("header.csv", "date,user,tool\n"), "header.csv line 2: the file has a header but no data rows");

    [Fact]
    public void A_required_column_missing_names_it_and_its_aliases() =>
        Rejected(test.File("nouser.csv", "date,tool,minutes\n2025-01-06,Copilot,3\n"),
            "nouser.csv line 1: this looks like a usage file but the header lacks required column(s) 'user' (also accepted: gebruiker, email");

    [Fact]
    public void A_quote_that_is_never_closed() =>
        Rejected(test.File("quote.csv", "date,user,tool\n2025-01-06,an@example.nl,Copilot\n2025-01-07,\"bo@example.nl,Copilot\n2025-01-08,an@example.nl,Copilot\n"),
            "quote.csv line 3, column 2: a quote opened here is never closed");

    [Fact]
    public void Text_after_a_closing_quote() =>
        Rejected(test.File("after.csv", "date,user,tool\n2025-01-06,\"an@example.nl\"x,Copilot\n"),
            "after.csv line 2, column 2: unexpected text after a closing quote");

    [Fact]
    public void A_row_cut_short() =>
        Rejected(test.File("short.csv", "date,user,tool\n2025-01-06,an@example.nl,Copilot\n2025-01-07,an@example.nl\n"),
            "short.csv line 3, column 3 (tool): the row has 2 field(s) but the header (line 1) has 3");

    [Fact]
    public void A_value_beyond_the_last_column() =>
        Rejected(test.File("wide.csv", "date,user,tool\n2025-01-06,an@example.nl,Copilot,oops\n"),
            "wide.csv line 2, column 4: the row has a value in field 4 but the header (line 1) has 3 columns");

    [Fact]
    public void Lines_ending_in_two_carriage_returns_as_Python_writes_them_on_Windows() =>
        Rejected(test.File("python.csv", "date,user,tool\r\r\n2025-01-06,an@example.nl,Copilot\r\r\n"),
            "python.csv line 1, column 3: this line ends in two carriage returns (\\r\\r\\n, as a CSV written by Python on Windows has)");

    [Fact]
    public void A_lone_carriage_return_inside_a_file_of_line_feeds() =>
        Rejected(test.File("lone-cr.csv", "date,user,tool\n2025-01-06,an@example.nl,Copilot\n2025-01-07,bo@example.nl,Copilot\r2025-01-08,an@example.nl,Copilot\n"),
            "lone-cr.csv line 3, column 3: a carriage return (\\r) without a line feed after it ends this line");

    [Fact]
    public void Two_exports_joined_with_their_columns_in_another_order() =>
        Rejected(test.File("joined.csv", """
            date,user,tool,duration_minutes,actions
            2025-03-03,an@example.nl,ChatGPT,30,2
            date,user,tool,actions,duration_minutes
            2025-03-05,an@example.nl,ChatGPT,2,30

            """),
            "joined.csv line 3, column 4 (duration_minutes): this line repeats the header with its columns in another order " +
            "('actions' where the first header has 'duration_minutes'): two exports seem joined, and the rows below it would land in the wrong columns.");

    [Fact]
    public void A_binary_file() =>
        Rejected(test.File("image.csv", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D]),
            "image.csv line 1: the file holds binary data");

    [Fact]
    public void A_zip_that_is_not_a_workbook()
    {
        var path = Path.Combine(test.Folder, "files", "archive.xlsx");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using (var zip = System.IO.Compression.ZipFile.Open(path, System.IO.Compression.ZipArchiveMode.Create))
        using (var writer = new StreamWriter(zip.CreateEntry("readme.txt").Open())) writer.Write("hello");
        Rejected(path, "archive.xlsx line 1: this is a zip archive but not an Excel workbook");
    }

    [Fact]
    public void An_unknown_header_lists_the_templates() =>
        Rejected(test.File("what.csv", "foo,bar\n1,2\n"), "what.csv line 1: no known export recognised from the header. Found: 'foo', 'bar'. Expected one of: roster (email, department)");

    [Fact]
    public void Every_row_rejected_rejects_the_file_but_keeps_the_reasons()
    {
        Rejected(test.File("bad.csv", "date,user,tool\nnot-a-date,an@example.nl,Copilot\n"), "bad.csv: all 1 rows were rejected; first at line 2, column 1 (date): not a date");
        test.Scalar<long>("select count(*) from import_rejected_row where line = 2").ShouldBe(1);
    }

    [Fact]
    public void A_Windows_1252_file_from_old_Excel_is_read_not_refused()
    {
        var bytes = Encoding.Latin1.GetBytes("email;department\ncy@example.nl;Financiën\n");
        var summary = test.Import(test.File("latin.csv", bytes));
        summary.Status.ShouldBe("loaded");
        summary.Message.ShouldContain("Windows-1252");
        test.Scalar<long>("select count(*) from dim_person where department = 'Financiën'").ShouldBe(1);
    }

    [Fact]
    public void A_quoted_value_may_hold_the_delimiter_and_line_breaks_and_later_lines_keep_their_numbers()
    {
        var summary = test.Import(test.File("multi.csv",
            "date,type,title,participants_count\n2025-01-06,workshop,\"Prompts, deel 1\nmet oefeningen\",10\n\n2025-01-07,bowling,Uitje,5\n"));
        summary.RowsLoaded.ShouldBe(1);
        test.Scalar<string>("select title from fct_activity_participation").ShouldBe("Prompts, deel 1\nmet oefeningen");
        // The bad row starts on line 5: the quoted line break and the blank line both count.
        test.Scalar<int>("select line from import_rejected_row").ShouldBe(5);
    }
}
