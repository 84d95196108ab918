using System.Buffers;
using System.IO.MemoryMappedFiles;
using System.Text;
using System.Text.Unicode;
using DuckDB.NET.Data;

namespace AiChangeInsights.Warehouse.Ingest.Files;

/// <summary>
/// A delimited text file. A pre-scan in C# checks the structure (quotes closed, every record as wide as the
/// header) and remembers on which line each record starts, so an error can name line and column; DuckDB's own
/// read_csv then parses the data, which keeps a million-row import close to DuckDB's native speed.
/// Files that are not UTF-8 (Windows-1252 from Dutch Excel, UTF-16) are first transcoded to a UTF-8 copy.
/// </summary>
public sealed class CsvFile : TabularFile
{
    static readonly byte[] Candidates = [(byte)';', (byte)',', (byte)'\t', (byte)'|'];

    readonly string path;
    readonly string? temporaryCopy;
    readonly byte delimiter;

    public byte Delimiter => delimiter;
    readonly string encoding;
    readonly List<HeadRecord> head;

    CsvFile(string displayName, string path, string? temporaryCopy, string encoding, byte delimiter, List<HeadRecord> head)
        : base(displayName)
    {
        this.path = path;
        this.temporaryCopy = temporaryCopy;
        this.encoding = encoding;
        this.delimiter = delimiter;
        this.head = head;
    }

    public override string ReadAs => $"CSV ({DelimiterName(delimiter)}, {encoding})";

    public override IReadOnlyList<HeadRecord> Head => head;

    public static CsvFile Read(string originalPath, string displayName)
    {
        var (utf8Path, copy, encoding) = ToUtf8(originalPath);
        try
        {
            using var map = MappedFile.Open(utf8Path);
            var bytes = map.Span;
            var start = bytes.StartsWith(Encoding.UTF8.Preamble) ? 3 : 0;
            if (bytes[start..].Trim(" \t\r\n"u8).IsEmpty) throw new ImportRejectedException(1, null, null, "the file is empty.");
            if (bytes.IndexOf((byte)'\n') < 0 && bytes.IndexOf((byte)'\r') >= 0)
                throw new ImportRejectedException(1, null, null, "lines end in a lone carriage return (old Mac format): save the file as CSV UTF-8.");

            var delimiter = GuessDelimiter(bytes, start);
            if (bytes.IndexOf((byte)0) is var nul and >= 0) throw NulByte(bytes, nul, delimiter);
            var head = new List<HeadRecord>();
            var reader = new CsvRecordReader(bytes, start, delimiter);
            var fields = new List<string>();
            while (head.Count < HeadSize && reader.Next(fields, out var line))
                head.Add(new HeadRecord(head.Count, line, fields.ToArray()));
            return new CsvFile(displayName, utf8Path, copy, encoding, delimiter, head);
        }
        catch
        {
            if (copy is not null) File.Delete(copy);
            throw;
        }
    }

    /// <summary>
    /// Why no header was recognised when the first line is one field that another delimiter splits into as many columns
    /// as the lines below have (a tab-separated header over comma-separated rows); null otherwise.
    /// </summary>
    public ImportRejectedException? HeaderSplitsDifferently()
    {
        if (head.Count < 2 || head[0].Fields.Count != 1) return null;
        var width = head.Skip(1).GroupBy(r => r.Fields.Count).OrderByDescending(g => g.Count()).First().Key;
        if (width < 2) return null;
        var text = Encoding.UTF8.GetBytes(head[0].Fields[0]);
        foreach (var other in Candidates.Where(c => c != delimiter))
        {
            var reader = new CsvRecordReader(text, 0, other);
            if (reader.Skip(out _, out var count, out _) && count == width)
                return new ImportRejectedException(head[0].Line, null, null,
                    $"the header is split by {DelimiterName(other)}, but the lines below by {DelimiterName(delimiter)}: the header does not split into columns. " +
                    "Save the file again with one delimiter (CSV UTF-8).");
        }
        return null;
    }

    public override void Load(DuckDBConnection connection, HeadRecord header, int dataStartIndex, IReadOnlyList<LoadColumn> columns)
    {
        // The widest of the header rows: SurveyMonkey leaves the first row empty above a last matrix question's answers.
        var width = 1;
        foreach (var row in head.Where(r => r.Index >= header.Index && r.Index < Math.Max(dataStartIndex, header.Index + 1)))
            for (var i = row.Fields.Count; i > width; i--)
                if (!string.IsNullOrWhiteSpace(row.Fields[i - 1])) { width = i; break; }

        var shape = Scan(header, dataStartIndex, width);

        // DuckDB skips whole lines; when lines and records differ before the data (title rows, a header
        // cell with a line break, blank lines) the data is copied from its first byte instead.
        var readPath = path;
        var skip = shape.DataStartLine - 1;
        string? slice = null;
        if (!shape.SimplePreamble)
        {
            slice = Path.Combine(Path.GetTempPath(), $"aci-{Guid.NewGuid():N}.csv");
            using (var source = File.OpenRead(path))
            using (var target = File.Create(slice))
            {
                source.Position = shape.DataStartOffset;
                source.CopyTo(target);
            }
            readPath = slice;
            skip = 0;
        }

        try
        {
            var columnStruct = ColumnStruct(Enumerable.Repeat("VARCHAR", width));
            var projection = Projection(columns);
            var maxLine = Math.Max(2_097_152, shape.LongestRecord + 1024);
            using (var command = connection.CreateCommand())
            {
                command.CommandText = $"""
                    create or replace temp table src as
                    select {projection}
                    from read_csv({Literal(readPath)}, delim = {Literal(((char)delimiter).ToString())}, quote = '"', escape = '"',
                                  header = false, skip = {skip}, auto_detect = false, columns = {columnStruct},
                                  max_line_size = {maxLine}{(shape.MixedLineEnds ? ", strict_mode = false" : "")})
                    """;
                command.ExecuteNonQuery();
                command.CommandText = "select count(*) from src";
                var loaded = Convert.ToInt64(command.ExecuteScalar());
                if (loaded != shape.Records)
                    throw new InvalidOperationException($"{DisplayName}: DuckDB read {loaded} records where the pre-scan found {shape.Records}.");
            }
            CreateLineShift(connection, shape.LineShifts);
        }
        catch (DuckDBException e) when (e.Message.Contains("CSV Error", StringComparison.Ordinal))
        {
            throw new ImportRejectedException(shape.DataStartLine, null, null, "the CSV could not be parsed: " + e.Message.Split('\n')[0]);
        }
        finally
        {
            if (slice is not null) File.Delete(slice);
        }
    }

    /// <summary>
    /// The fast lane for a clean file: DuckDB's own reader types the columns (<paramref name="columns"/> with a DuckDB
    /// type; the rest stay text), without the pre-scan and the text copy that cost most of a million-row import. Only
    /// for a file whose header is its first line and whose every other line is one record, so a record's line is its
    /// number + 2. False, leaving nothing behind, when that does not hold or DuckDB refuses a value or a row: the import
    /// then goes the whole way, which names line and column of what is wrong.
    /// </summary>
    public bool TryLoadTyped(DuckDBConnection connection, HeadRecord header, int dataStartIndex,
        IReadOnlyList<(LoadColumn Column, string? Type)> columns, bool decimalComma)
    {
        if (header.Index != 0 || header.Line != 1 || dataStartIndex != 1 || (decimalComma && delimiter == ',')) return false;
        long lines;
        using (var map = MappedFile.Open(path))
        {
            var bytes = map.Span;
            lines = bytes.Count((byte)'\n') + (bytes[^1] == '\n' ? 0 : 1);
        }
        var width = header.Fields.Count;
        var types = Enumerable.Range(0, width).Select(i => columns.FirstOrDefault(c => c.Column.Field == i).Type ?? "VARCHAR");
        var columnStruct = ColumnStruct(types);
        var projection = Projection(columns.Select(c => c.Column).ToList());
        using var command = connection.CreateCommand();
        try
        {
            command.CommandText = $"""
                create or replace temp table src as
                select {projection}
                from read_csv({Literal(path)}, delim = {Literal(((char)delimiter).ToString())}, quote = '"', escape = '"',
                              header = true, auto_detect = false, columns = {columnStruct},
                              decimal_separator = {(decimalComma ? "','" : "'.'")})
                """;
            command.ExecuteNonQuery();
            command.CommandText = "select count(*) from src";
            if (Convert.ToInt64(command.ExecuteScalar()) == lines - 1)
            {
                CreateLineShift(connection, [(0, 2)]);
                return true;
            }
        }
        catch (DuckDBException e) when (e.ErrorType != DuckDB.NET.Native.DuckDBErrorType.Interrupt)
        {
            // Refused: the whole way below says where and why.
        }
        command.CommandText = "drop table if exists src";
        command.ExecuteNonQuery();
        return false;
    }

    /// <summary>read_csv's columns: every field of the record as c1, c2, … with its DuckDB type.</summary>
    static string ColumnStruct(IEnumerable<string> types) => "{" + string.Join(", ", types.Select((t, i) => $"'c{i + 1}': '{t}'")) + "}";

    /// <summary>The fields to keep, under their template names (the first field alone when none is asked for).</summary>
    static string Projection(IReadOnlyList<LoadColumn> columns) =>
        columns.Count == 0 ? "c1" : string.Join(", ", columns.Select(c => $"c{c.Field + 1} as {Quote(c.Name)}"));

    public override void Dispose()
    {
        if (temporaryCopy is not null && File.Exists(temporaryCopy)) File.Delete(temporaryCopy);
        base.Dispose();
    }

    /// <summary>
    /// What the pre-scan found. MixedLineEnds: CRLF and LF both end lines, which DuckDB's strict parser refuses (without a
    /// line number); the pre-scan has already checked quotes and widths and the record count is compared after reading,
    /// so such a file is read with strict_mode off.
    /// </summary>
    sealed record Shape(long Records, int DataStartLine, long DataStartOffset, bool SimplePreamble, int LongestRecord, List<(long, long)> LineShifts,
        bool MixedLineEnds);

    Shape Scan(HeadRecord header, int dataStartIndex, int width)
    {
        using var map = MappedFile.Open(path);
        var bytes = map.Span;
        var reader = new CsvRecordReader(bytes, bytes.StartsWith(Encoding.UTF8.Preamble) ? 3 : 0, delimiter);
        var index = 0;
        while (index < dataStartIndex && reader.Skip(out _, out _, out _)) index++;

        var dataStartOffset = reader.Position;
        var records = 0L;
        var dataStartLine = 0;
        var longest = 0;
        var shifts = new List<(long, long)>();
        long currentOffset = long.MinValue;
        while (reader.Skip(out var line, out var fieldCount, out var length))
        {
            if (records == 0) dataStartLine = line;
            if (fieldCount < width)
                throw new ImportRejectedException(line, fieldCount + 1, header.Fields.ElementAtOrDefault(fieldCount),
                    $"the row has {fieldCount} field(s) but the header (line {header.Line}) has {width}: the row is cut short. " +
                    $"Is the delimiter '{(char)delimiter}' right, or is a quote missing?");
            if (reader.LastNonEmptyField >= width)
                throw new ImportRejectedException(line, reader.LastNonEmptyField + 1, null,
                    $"the row has a value in field {reader.LastNonEmptyField + 1} but the header (line {header.Line}) has {width} columns. " +
                    $"Is a value holding the delimiter without quotes{(delimiter == ',' ? " (a decimal comma such as 12,5)" : "")}?");
            var offset = line - records;
            if (offset != currentOffset) { shifts.Add((records, offset)); currentOffset = offset; }
            longest = Math.Max(longest, length);
            records++;
        }
        if (records == 0) dataStartLine = header.Line + 1;

        // Simple: every record up to the header has a line of its own, and the data follows on the next line.
        var simple = head.Take(dataStartIndex).Select((r, i) => r.Line == i + 1).All(x => x)
                     && (records == 0 || dataStartLine == dataStartIndex + 1);
        return new Shape(records, dataStartLine, dataStartOffset, simple, longest, shifts, reader.SawCrLf && reader.SawLf);
    }

    static byte GuessDelimiter(ReadOnlySpan<byte> bytes, int start)
    {
        // The delimiter that splits the first records into the same, largest number of fields.
        var best = (Delimiter: Candidates[0], Score: -1, Width: 0);
        foreach (var candidate in Candidates)
        {
            // Line ends are judged once the delimiter is known, with the line and column of a bad one.
            var reader = new CsvRecordReader(bytes, start, candidate, lineEndsChecked: false);
            var widths = new List<int>();
            try
            {
                while (widths.Count < 20 && reader.Skip(out _, out var count, out _)) widths.Add(count);
            }
            catch (ImportRejectedException)
            {
                // A quote error under this delimiter: keep what was read so far.
            }
            if (widths.Count == 0) continue;
            var modal = widths.GroupBy(w => w).OrderByDescending(g => g.Count()).ThenByDescending(g => g.Key).First();
            var score = modal.Key > 1 ? modal.Count() : 0;
            if (score > best.Score || (score == best.Score && modal.Key > best.Width)) best = (candidate, score, modal.Key);
        }
        return best.Delimiter;
    }

    static (string Path, string? Copy, string Encoding) ToUtf8(string path)
    {
        using var stream = File.OpenRead(path);
        Span<byte> bom = stackalloc byte[4];
        var read = stream.ReadAtLeast(bom, 4, throwOnEndOfStream: false);
        stream.Position = 0;
        if (read == 4 && (bom.SequenceEqual(new byte[] { 0xFF, 0xFE, 0, 0 }) || bom.SequenceEqual(new byte[] { 0, 0, 0xFE, 0xFF })))
            return Transcode(stream, new UTF32Encoding(bigEndian: bom[0] == 0, byteOrderMark: true), "UTF-32, converted");
        if (read >= 2 && (bom[0] == 0xFF && bom[1] == 0xFE || bom[0] == 0xFE && bom[1] == 0xFF))
            return Transcode(stream, bom[0] == 0xFF ? Encoding.Unicode : Encoding.BigEndianUnicode, "UTF-16, converted");
        if (read >= 3 && bom[..3].SequenceEqual(Encoding.UTF8.Preamble)) return (path, null, "UTF-8 with BOM");
        if (IsUtf8(stream)) return (path, null, "UTF-8");
        if (MixedEncodings(path) is { } mixed) throw mixed;
        return Transcode(stream, Windows1252(), "Windows-1252, converted");
    }

    /// <summary>
    /// A file that is not UTF-8 but has UTF-8 letters too (two exports joined): read as Windows-1252 the UTF-8 names
    /// would be garbled ("FinanciÃ«n"), read as UTF-8 the others would. Counted as UTF-8 letters: Latin letters with
    /// accents, the euro sign, typographic quotes and dashes, which a Windows-1252 text almost never spells by chance.
    /// </summary>
    static ImportRejectedException? MixedEncodings(string path)
    {
        using var map = MappedFile.Open(path);
        var bytes = map.Span;
        int firstInvalid = -1, utf8Letters = 0, i = 0;
        while (i < bytes.Length && (firstInvalid < 0 || utf8Letters == 0))
        {
            var next = bytes[i..].IndexOfAnyInRange((byte)0x80, (byte)0xFF);
            if (next < 0) break;
            i += next;
            if (Rune.DecodeFromUtf8(bytes[i..], out var rune, out var consumed) == OperationStatus.Done)
            {
                if (rune.Value is >= 0xA0 and <= 0x17F or >= 0x2010 and <= 0x20AC) utf8Letters++;
            }
            else if (firstInvalid < 0) firstInvalid = i;
            i += Math.Max(consumed, 1);
        }
        if (firstInvalid < 0 || utf8Letters == 0) return null;
        return new ImportRejectedException(bytes[..firstInvalid].Count((byte)'\n') + 1, null, null,
            "this line is not UTF-8 (Windows-1252?) while other lines are UTF-8: the file mixes two encodings (exports joined?). " +
            "Save it again as CSV UTF-8.");
    }

    /// <summary>A NUL byte is never text: named by line and field (counted outside quotes) so the analyst can find it.</summary>
    static ImportRejectedException NulByte(ReadOnlySpan<byte> bytes, int nul, byte delimiter)
    {
        var before = bytes[..nul];
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        var field = 1;
        var quoted = false;
        foreach (var b in before[lineStart..])
        {
            if (b == '"') quoted = !quoted;
            else if (b == delimiter && !quoted) field++;
        }
        return new ImportRejectedException(before.Count((byte)'\n') + 1, field, null,
            "the file holds a NUL byte (binary data) in a value: the export is damaged or not a text file.");
    }

    static bool IsUtf8(FileStream stream)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 20);
        try
        {
            var carry = 0;
            int n;
            while ((n = stream.Read(buffer, carry, buffer.Length - carry)) > 0)
            {
                var filled = carry + n;
                // Do not split a multi-byte sequence between two reads.
                var end = filled;
                for (var back = 1; back <= 3 && back <= filled; back++)
                {
                    var b = buffer[filled - back];
                    if ((b & 0xC0) == 0x80) continue;
                    if (b >= 0xC0) end = filled - back;
                    break;
                }
                if (!Utf8.IsValid(buffer.AsSpan(0, end))) return false;
                carry = filled - end;
                Array.Copy(buffer, end, buffer, 0, carry);
            }
            return carry == 0 || Utf8.IsValid(buffer.AsSpan(0, carry));
        }
        finally
        {
            stream.Position = 0;
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    static (string, string?, string) Transcode(Stream source, Encoding from, string description)
    {
        var copy = Path.Combine(Path.GetTempPath(), $"aci-{Guid.NewGuid():N}.csv");
        using (var reader = new StreamReader(source, from, detectEncodingFromByteOrderMarks: true))
        using (var writer = new StreamWriter(copy, false, new UTF8Encoding(false)))
        {
            var buffer = new char[1 << 16];
            int n;
            while ((n = reader.Read(buffer, 0, buffer.Length)) > 0) writer.Write(buffer, 0, n);
        }
        return (copy, copy, description);
    }

    static Encoding Windows1252()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    }

    static string DelimiterName(byte d) => d switch
    {
        (byte)';' => "';'",
        (byte)',' => "','",
        (byte)'\t' => "tab",
        _ => $"'{(char)d}'",
    };

    /// <summary>A read-only memory map of a whole file, so the scan is one pass over one span.</summary>
    sealed unsafe class MappedFile : IDisposable
    {
        readonly MemoryMappedFile file;
        readonly MemoryMappedViewAccessor view;
        readonly byte* pointer;
        readonly long length;

        MappedFile(MemoryMappedFile file, MemoryMappedViewAccessor view, long length)
        {
            this.file = file;
            this.view = view;
            this.length = length;
            byte* p = null;
            view.SafeMemoryMappedViewHandle.AcquirePointer(ref p);
            pointer = p + view.PointerOffset;
        }

        public static MappedFile Open(string path)
        {
            var length = new FileInfo(path).Length;
            if (length == 0) throw new ImportRejectedException(1, null, null, "the file is empty.");
            if (length > int.MaxValue) throw new ImportRejectedException(1, null, null, "the file is larger than 2 GB: split it into smaller exports.");
            var file = MemoryMappedFile.CreateFromFile(path, FileMode.Open, null, 0, MemoryMappedFileAccess.Read);
            return new MappedFile(file, file.CreateViewAccessor(0, 0, MemoryMappedFileAccess.Read), length);
        }

        public ReadOnlySpan<byte> Span => new(pointer, (int)length);

        public void Dispose()
        {
            view.SafeMemoryMappedViewHandle.ReleasePointer();
            view.Dispose();
            file.Dispose();
        }
    }
}

/// <summary>
/// RFC 4180 records over UTF-8 bytes, as DuckDB reads them: '"' quotes, '""' escapes, blank lines skipped,
/// a quote inside an unquoted value is a literal. Errors name the line and the 1-based field.
/// </summary>
internal ref struct CsvRecordReader(ReadOnlySpan<byte> bytes, int start, byte delimiter, bool lineEndsChecked = true)
{
    readonly ReadOnlySpan<byte> bytes = bytes;
    readonly SearchValues<byte> stops = SearchValues.Create([delimiter, (byte)'\n', (byte)'\r']);
    readonly SearchValues<byte> quotedStops = SearchValues.Create([(byte)'"', (byte)'\n']);
    int position = start;
    int line = 1;

    public readonly int Position => position;

    /// <summary>Index (0-based) of the last field holding a value in the record just read.</summary>
    public int LastNonEmptyField { get; private set; }

    /// <summary>Whether some lines so far ended in CRLF, and some in a bare LF.</summary>
    public bool SawCrLf { get; private set; }

    public bool SawLf { get; private set; }

    public bool Next(List<string> fields, out int recordLine)
    {
        fields.Clear();
        var list = fields;
        return Read(list, out recordLine, out _, out _);
    }

    public bool Skip(out int recordLine, out int fieldCount, out int length) => Read(null, out recordLine, out fieldCount, out length);

    bool Read(List<string>? fields, out int recordLine, out int fieldCount, out int length)
    {
        // Blank lines between records are skipped, as DuckDB does.
        while (position < bytes.Length && (bytes[position] == '\n' || bytes[position] == '\r'))
        {
            if (bytes[position] == '\r') CheckLineFeedFollows(1);
            if (bytes[position] == '\n') LineEnd(position > 0 && bytes[position - 1] == '\r');
            position++;
        }
        recordLine = line;
        fieldCount = 0;
        length = 0;
        LastNonEmptyField = -1;
        if (position >= bytes.Length) return false;

        var recordStart = position;
        var value = fields is null ? null : new List<byte>();
        while (true)
        {
            var fieldIndex = fieldCount;
            var empty = true;
            // One space before an opening quote (a, "b,c") is dropped, as DuckDB's reader drops it (two it refuses):
            // the fast lane and this pre-scan must read the same fields.
            if (position + 1 < bytes.Length && bytes[position] == ' ' && bytes[position + 1] == '"') position++;
            if (position < bytes.Length && bytes[position] == '"')
            {
                var quoteLine = line;
                position++;
                while (true)
                {
                    var rest = bytes[position..];
                    var stop = rest.IndexOfAny(quotedStops);
                    if (stop < 0)
                        throw new ImportRejectedException(quoteLine, fieldIndex + 1, null,
                            "a quote opened here is never closed (the file may be cut off).");
                    value?.AddRange(rest[..stop]);
                    if (stop > 0) empty = false;
                    position += stop;
                    if (bytes[position] == '\n')
                    {
                        line++;
                        value?.Add((byte)'\n');
                        empty = false;
                        position++;
                        continue;
                    }
                    if (position + 1 < bytes.Length && bytes[position + 1] == '"')
                    {
                        value?.Add((byte)'"');
                        empty = false;
                        position += 2;
                        continue;
                    }
                    position++; // closing quote
                    break;
                }
                while (position < bytes.Length && bytes[position] == ' ') position++; // and so are any spaces after it
                if (position < bytes.Length && bytes[position] != delimiter && bytes[position] != '\n' && bytes[position] != '\r')
                    throw new ImportRejectedException(line, fieldIndex + 1, null,
                        $"unexpected text after a closing quote; a quote inside a quoted value must be doubled (\"\").");
            }
            else
            {
                var rest = bytes[position..];
                var stop = rest.IndexOfAny(stops);
                if (stop < 0) stop = rest.Length;
                value?.AddRange(rest[..stop]);
                if (stop > 0) empty = false;
                position += stop;
            }

            fields?.Add(Encoding.UTF8.GetString(value!.ToArray()));
            value?.Clear();
            if (!empty) LastNonEmptyField = fieldIndex;
            fieldCount++;

            if (position < bytes.Length && bytes[position] == delimiter)
            {
                position++;
                continue;
            }
            // End of record: \n, \r\n or end of file.
            length = position - recordStart;
            var carriageReturn = position < bytes.Length && bytes[position] == '\r';
            if (carriageReturn) CheckLineFeedFollows(fieldCount);
            if (carriageReturn) position++;
            if (position < bytes.Length && bytes[position] == '\n')
            {
                position++;
                LineEnd(carriageReturn);
            }
            return true;
        }
    }

    /// <summary>
    /// A carriage return outside quotes must end a line with a line feed after it: DuckDB's reader stops at a lone one
    /// (or "\r\r\n", which Python's csv module writes on Windows) without saying where.
    /// </summary>
    readonly void CheckLineFeedFollows(int column)
    {
        if (lineEndsChecked && position + 1 < bytes.Length && bytes[position + 1] != '\n')
            throw new ImportRejectedException(line, column, null,
                bytes[position + 1] == '\r'
                    ? "this line ends in two carriage returns (\\r\\r\\n, as a CSV written by Python on Windows has): save the file again as CSV UTF-8, or write it with newline=''."
                    : "a carriage return (\\r) without a line feed after it ends this line: save the file again as CSV UTF-8.");
    }

    void LineEnd(bool afterCarriageReturn)
    {
        line++;
        if (afterCarriageReturn) SawCrLf = true; else SawLf = true;
    }
}
