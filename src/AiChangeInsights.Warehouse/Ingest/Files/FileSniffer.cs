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

        var utf16 = head.StartsWith(new byte[] { 0xFF, 0xFE }) || head.StartsWith(new byte[] { 0xFE, 0xFF });
        if (!utf16)
        {
            var nul = head.IndexOf((byte)0);
            if (nul >= 0)
            {
                // A text file with a stray NUL: name its line. Control bytes before it: binary from the first line.
                var before = head[..nul];
                var binaryFromStart = before.IndexOfAnyInRange((byte)1, (byte)8) >= 0 || before.IndexOfAnyInRange((byte)14, (byte)31) >= 0;
                var line = binaryFromStart ? 1 : before.Count((byte)'\n') + 1;
                throw new ImportRejectedException(line, null, null, "the file holds binary data (a NUL byte): it is not a CSV or .xlsx file.");
            }
        }
        return FileFormat.Csv;
    }
}
