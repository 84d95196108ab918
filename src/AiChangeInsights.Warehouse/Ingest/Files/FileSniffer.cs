namespace AiChangeInsights.Warehouse.Ingest.Files;

public enum FileFormat { Csv, Xlsx, Json }

/// <summary>Decides from the bytes, not the name, what a file is: a CSV renamed .xlsx is still read as CSV.</summary>
public static class FileSniffer
{
    public static FileFormat Detect(string path)
    {
        var length = new FileInfo(path).Length;
        if (length == 0) throw new ImportRejectedException(1, null, null, "the file is empty.");

        Span<byte> head = stackalloc byte[(int)Math.Min(length, 8192)];
        using (var stream = File.OpenRead(path)) stream.ReadExactly(head);

        if (head.StartsWith("PK\x03\x04"u8)) return FileFormat.Xlsx;
        if (head.StartsWith(new byte[] { 0xD0, 0xCF, 0x11, 0xE0 }))
            throw new ImportRejectedException(1, null, null, "this is an old Excel 97-2003 (.xls) workbook: save it as .xlsx or CSV UTF-8.");
        if (head.StartsWith("%PDF"u8)) throw new ImportRejectedException(1, null, null, "this is a PDF, not a CSV or .xlsx file.");
        // A CSV header never opens with a bracket; JSON exports (GitHub's Copilot metrics) always do.
        var text = head.StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }) ? head[3..] : head;
        var first = text.IndexOfAnyExcept(" \t\r\n"u8);
        if (first >= 0 && text[first] is (byte)'[' or (byte)'{') return FileFormat.Json;
        if (first >= 0 && text[first] == '<') Markup(text[first..]);

        // UTF-16 and UTF-32 with a byte-order mark (FF FE also opens UTF-32 LE) are text full of NUL bytes.
        var unicode = head.StartsWith(new byte[] { 0xFF, 0xFE }) || head.StartsWith(new byte[] { 0xFE, 0xFF }) || head.StartsWith(new byte[] { 0, 0, 0xFE, 0xFF });
        if (!unicode)
        {
            var nul = head.IndexOf((byte)0);
            if (nul >= 0)
            {
                // Control bytes before the NUL: binary from the first line. Otherwise a text file with a stray NUL,
                // which the CSV reader names by line and column wherever it sits in the file.
                var before = head[..nul];
                if (before.IndexOfAnyInRange((byte)1, (byte)8) >= 0 || before.IndexOfAnyInRange((byte)14, (byte)31) >= 0)
                    throw new ImportRejectedException(1, null, null, "the file holds binary data (a NUL byte): it is not a CSV or .xlsx file.");
                if (LooksLikeUtf16WithoutBom(head))
                    throw new ImportRejectedException(1, null, null, "the file is UTF-16 without a byte-order mark: save it as CSV UTF-8 (or as Unicode text, which has one).");
            }
        }
        return FileFormat.Csv;
    }

    /// <summary>A web page saved instead of the export (the session had expired), or Excel's XML Spreadsheet 2003.</summary>
    static void Markup(ReadOnlySpan<byte> text)
    {
        var start = System.Text.Encoding.ASCII.GetString(text[..Math.Min(text.Length, 200)]);
        if (start.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase) || start.StartsWith("<html", StringComparison.OrdinalIgnoreCase))
            throw new ImportRejectedException(1, null, null,
                "this is a web page (HTML), not an export: the download probably failed (signed out?). Download the export again.");
        if (start.StartsWith("<?xml", StringComparison.OrdinalIgnoreCase))
            throw new ImportRejectedException(1, null, null,
                "this is an XML file (Excel's XML Spreadsheet 2003?), not a CSV or .xlsx file: save it as .xlsx or CSV UTF-8.");
    }

    /// <summary>ASCII text as UTF-16: every other byte of the first characters is NUL.</summary>
    static bool LooksLikeUtf16WithoutBom(ReadOnlySpan<byte> head)
    {
        var pairs = Math.Min(head.Length / 2, 32);
        if (pairs < 4) return false;
        int low = 0, high = 0;
        for (var i = 0; i < pairs; i++)
        {
            if (head[2 * i] == 0 && head[2 * i + 1] != 0) high++;
            if (head[2 * i + 1] == 0 && head[2 * i] != 0) low++;
        }
        return low == pairs || high == pairs;
    }
}
