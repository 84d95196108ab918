using AiChangeInsights.Warehouse.Ingest;
using AiChangeInsights.Warehouse.Ingest.Files;
using DuckDB.NET.Data;

namespace AiChangeInsights.Tests.Ingest;

/// <summary>
/// The fast lane: DuckDB's CSV reader types the dates and numbers of a clean file itself. It must load exactly what the
/// whole way (pre-scan, text, conventions) loads, and hand every file it cannot read the same way to the whole way.
/// </summary>
public sealed class TypedByReaderTests : IDisposable
{
    const string Header = "date,user,tool,feature,duration_minutes,actions\n";

    // an: 09:00 chat twice (an exact repeat, counted once) and 10:00 chat: one key, 2 events, 0.125 + 0.125 = 0.25 min,
    //     3 + 4 = 7 actions, 1 repeated; 7 January one mail row (12.5 min, 0 actions).
    // bo: written " Bo@Example.nl " (blanks, capitals): the same person as bo@example.nl; one row without feature (''),
    //     and 1440 minutes, the most a day holds.
    const string Rows =
        "2025-01-06 09:00,an@example.nl,Copilot,chat,0.125,3\n" +
        "2025-01-06 09:00,an@example.nl,Copilot,chat,0.125,3\n" +
        "2025-01-06 10:00,an@example.nl,Copilot,chat,0.125,4\n" +
        "2025-01-07,an@example.nl,Copilot,mail,12.5,0\n" +
        "2025-01-06, Bo@Example.nl ,Copilot,,1440,2\n" +
        "2025-01-08,bo@example.nl,ChatGPT,chat,3,1\n";

    readonly TestWarehouse fast = new();
    readonly TestWarehouse whole = new();

    public void Dispose()
    {
        fast.Dispose();
        whole.Dispose();
    }

    [Fact]
    public void A_space_before_an_opening_quote_or_after_a_closing_one_reads_the_same_both_ways()
    {
        // One space before the quote (DuckDB's reader drops it; two it refuses) and spaces after the closing quote.
        const string content = Header + "2025-01-06,an@example.nl, \"Chat,GPT\",chat,5,1\n2025-01-07,an@example.nl,\"Copilot\"  ,mail,6,2\n";
        var path = fast.File("usage.csv", content);
        ReaderTypes(path).ShouldBeTrue();

        var quick = fast.Import(path);
        var slow = whole.Import(whole.File("usage.csv", content), new ImportRequest { Locale = "iso" });

        // The whole way's pre-scan read ' "Chat' and 'GPT"' as two fields and refused the file.
        (quick.Status, slow.Status).ShouldBe(("loaded", "loaded"), slow.Message);
        Usage(fast).ShouldBe(Usage(whole));
        Usage(fast).ShouldBe(["2025-01-06 Chat,GPT chat 1 5.00 1 true", "2025-01-07 Copilot mail 1 6.00 2 true"], ignoreOrder: true);
    }

    [Fact]
    public void A_clean_file_loads_the_same_rows_as_the_whole_way()
    {
        var path = fast.File("usage.csv", Header + Rows);
        ReaderTypes(path).ShouldBeTrue();

        var quick = fast.Import(path);
        // A forced locale takes the whole way: text first, conventions, then typing.
        var slow = whole.Import(whole.File("usage.csv", Header + Rows), new ImportRequest { Locale = "iso" });

        quick.Status.ShouldBe("loaded");
        // 6 rows read, one an exact repeat: 5 loaded as 4 keys (an's two 6 January chats are one key).
        quick.RowsRead.ShouldBe(6);
        quick.RowsLoaded.ShouldBe(5);
        quick.Duplicates.ShouldBe(1);
        (quick.RowsRead, quick.RowsLoaded, quick.RowsRejected, quick.Duplicates).ShouldBe((slow.RowsRead, slow.RowsLoaded, slow.RowsRejected, slow.Duplicates));
        Usage(fast).ShouldBe(Usage(whole));
        Usage(fast).ShouldBe([
            "2025-01-06 Copilot chat 2 0.25 7 true", // hand-computed above
            "2025-01-06 Copilot  1 1440.00 2 true",
            "2025-01-07 Copilot mail 1 12.50 0 true",
            "2025-01-08 ChatGPT chat 1 3.00 1 true",
        ], ignoreOrder: true);
    }

    [Theory]
    [InlineData("a blank line between rows (lines and records differ)", Header + "2025-01-06,an@example.nl,Copilot,chat,1,1\n\n2025-01-07,an@example.nl,Copilot,chat,1,1\n")]
    [InlineData("a value spanning two lines", Header + "2025-01-06,an@example.nl,Copilot,\"chat\nmail\",1,1\n")]
    [InlineData("a day-first date", Header + "06-01-2025,an@example.nl,Copilot,chat,1,1\n")]
    [InlineData("a decimal comma in a comma-separated file", Header + "2025-01-06,an@example.nl,Copilot,chat,\"12,5\",1\n")]
    [InlineData("text where a number belongs", Header + "2025-01-06,an@example.nl,Copilot,chat,lots,1\n")]
    [InlineData("a row wider than the header", Header + "2025-01-06,an@example.nl,Copilot,chat,1,1,extra\n")]
    [InlineData("a row cut short", Header + "2025-01-06,an@example.nl,Copilot\n")]
    public void A_file_the_reader_cannot_read_the_same_way_is_left_to_the_whole_way(string why, string content)
    {
        var path = fast.File("usage.csv", content);
        ReaderTypes(path).ShouldBeFalse(why);
    }

    [Fact]
    public void A_value_that_fails_a_check_is_rejected_with_its_line_and_column_as_before()
    {
        // Line 3 has -5 minutes: the reader types it, the check fails, and the whole way names line and column.
        var path = fast.File("usage.csv", Header +
            "2025-01-06,an@example.nl,Copilot,chat,1,1\n" +
            "2025-01-07,an@example.nl,Copilot,chat,-5,1\n" +
            "2025-01-08,an@example.nl,Copilot,chat,2,1\n");
        ReaderTypes(path).ShouldBeTrue();

        var summary = fast.Import(path);

        summary.Status.ShouldBe("loaded");
        summary.RowsLoaded.ShouldBe(2);
        summary.RowsRejected.ShouldBe(1);
        summary.Message.ShouldContain("line 3, column 5 (duration_minutes): must be at least 0");
    }

    [Fact]
    public void A_row_of_only_delimiters_is_skipped_in_both_lanes()
    {
        // Line 3 is ",,,,,": a record without a value, which neither lane counts as a row read.
        const string content = Header + "2025-01-06,an@example.nl,Copilot,chat,1,1\n,,,,,\n2025-01-07,an@example.nl,Copilot,chat,2,1\n";
        var path = fast.File("usage.csv", content);
        ReaderTypes(path).ShouldBeTrue();

        var quick = fast.Import(path);
        var slow = whole.Import(whole.File("usage.csv", content), new ImportRequest { Locale = "iso" });

        (quick.Status, quick.RowsRead, quick.RowsLoaded, quick.RowsRejected).ShouldBe(("loaded", 2L, 2L, 0L));
        (slow.RowsRead, slow.RowsLoaded, slow.RowsRejected).ShouldBe((2L, 2L, 0L));
        Usage(fast).ShouldBe(Usage(whole));
    }

    [Theory]
    [InlineData("no value with blank ends: the view passes text on untrimmed, but still lowercases the address",
        "2025-01-06,An@Example.nl,Copilot,chat,1,1\n2025-01-06,an@example.nl,Copilot,chat,2,1\n", "chat")]
    [InlineData("one tool ends in a no-break space, so every value is trimmed",
        "2025-01-06,An@Example.nl,Copilot\u00A0,chat,1,1\n2025-01-06,an@example.nl,Copilot,chat,2,1\n", "chat")]
    [InlineData("an empty quoted feature, which is no feature",
        "2025-01-06,an@example.nl,Copilot,\"\",1,1\n2025-01-06,an@example.nl,Copilot,,2,1\n", "")]
    public void Text_is_trimmed_only_where_a_value_needs_it_and_loads_the_same_as_the_whole_way(string why, string rows, string feature)
    {
        var path = fast.File("usage.csv", Header + rows);
        ReaderTypes(path).ShouldBeTrue(why);

        var quick = fast.Import(path);
        var slow = whole.Import(whole.File("usage.csv", Header + rows), new ImportRequest { Locale = "iso" });

        // Both rows are one person's one key: 1 + 2 = 3 minutes, 1 + 1 = 2 actions, 2 events.
        quick.RowsLoaded.ShouldBe(2, why);
        Usage(fast).ShouldBe(Usage(whole), why);
        Usage(fast).Single().ShouldBe($"2025-01-06 Copilot {feature} 2 3.00 2 true", why);
        fast.Query<long>("select count(*) from person").Single().ShouldBe(1, why);
    }

    static List<string> Usage(TestWarehouse test) => test.Query<string>("""
        select strftime(usage_date, '%Y-%m-%d') || ' ' || tool || ' ' || feature || ' ' || events || ' ' || active_minutes || ' '
               || actions || ' ' || counted
        from raw_usage order by all
        """);

    /// <summary>Whether DuckDB's reader types this usage file itself (the fast lane of the import).</summary>
    static bool ReaderTypes(string path)
    {
        using var file = CsvFile.Read(path, Path.GetFileName(path));
        var match = Headers.Recognise(file.Head, [SourceCatalog.Find("usage")], forced: true);
        var columns = match.Columns
            .Select(c => (new LoadColumn(c.Value, c.Key), ColumnTyping.ReaderType(match.Source.Columns.Single(s => s.Name == c.Key))))
            .ToList();
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        return file.TryLoadTyped(connection, match.Header, match.DataStartIndex, columns, decimalComma: false);
    }
}
