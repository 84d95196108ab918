using System.Globalization;
using System.IO.Compression;
using System.Xml;
using DuckDB.NET.Data;
using ExcelDataReader;

namespace AiChangeInsights.Warehouse.Ingest.Files;

/// <summary>
/// The first visible sheet with data of an .xlsx workbook (or a later one: <see cref="NextSheet"/>), streamed with
/// ExcelDataReader (a fraction of ClosedXML's memory). Cells become invariant text (dates ISO, numbers with a point)
/// so the same SQL types them as a CSV.
/// Empty rows are skipped; line numbers are Excel row numbers.
/// </summary>
public sealed class XlsxFile : TabularFile
{
    const long MaxUnpackedBytes = 1L << 30;

    readonly string path;
    readonly FileStream stream;
    readonly IExcelDataReader reader;
    readonly List<HeadRecord> head = [];
    readonly Dictionary<CellRange, string> mergedValues = [];
    readonly List<string> passedSheets = [];
    // The sheet being read: set by EnterSheet.
    string sheet = "";
    CellRange[] mergedDown = [];
    Dictionary<(int Row, int Column), string> errorCells = [];
    // Formulas a program wrote without their result (the workbook was never calculated), by row and column.
    Dictionary<(int Row, int Column), string> uncalculated = [];
    bool readerHasRow;

    XlsxFile(string displayName, string path, FileStream stream, IExcelDataReader reader) : base(displayName)
    {
        this.path = path;
        this.stream = stream;
        this.reader = reader;
    }

    public override string ReadAs => $"Excel workbook, sheet '{sheet}'";

    public override IReadOnlyList<HeadRecord> Head => head;

    // ExcelDataReader asks for code page 1252 while it sets up, even for .xlsx.
    static XlsxFile() => System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);

    public static XlsxFile Read(string path, string displayName)
    {
        CheckPackage(path);
        var stream = File.OpenRead(path);
        IExcelDataReader reader;
        try
        {
            reader = ExcelReaderFactory.CreateOpenXmlReader(stream);
        }
        catch (Exception e) when (e is not ImportRejectedException)
        {
            stream.Dispose();
            throw new ImportRejectedException(1, null, null, $"the workbook cannot be read: {e.Message}");
        }

        try
        {
            var file = new XlsxFile(displayName, path, stream, reader);
            if (file.EnterSheet() || file.MoveToNextSheet()) return file;
            throw new ImportRejectedException(1, null, null, "the workbook has no visible sheet with data (hidden sheets are not read).");
        }
        catch
        {
            reader.Dispose();
            stream.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Moves on to the next visible sheet with a non-empty row, for a workbook whose first such sheet is not the export
    /// (a README or summary sheet before the data); false when there is none.
    /// </summary>
    public bool NextSheet()
    {
        passedSheets.Add(sheet);
        return MoveToNextSheet();
    }

    /// <summary>The sheets with data passed over (all of them once NextSheet is false), for a message when none is an export.</summary>
    public IReadOnlyList<string> PassedSheets => passedSheets;

    bool MoveToNextSheet()
    {
        while (reader.NextResult())
            if (EnterSheet()) return true;
        return false;
    }

    /// <summary>
    /// Reads the head of the reader's current sheet: false for a sheet without data, and for a hidden one (an
    /// export's stale or helper data, which Excel does not show the analyst).
    /// </summary>
    bool EnterSheet()
    {
        if (!string.Equals(reader.VisibleState, "visible", StringComparison.OrdinalIgnoreCase)) return false;
        sheet = reader.Name;
        head.Clear();
        mergedValues.Clear();
        mergedDown = reader.MergeCells?.Where(r => r.ToRow > r.FromRow).ToArray() ?? [];
        (errorCells, uncalculated) = ErrorCells(path, sheet);
        return FillHead();
    }

    bool FillHead()
    {
        while (head.Count < HeadSize && (readerHasRow = reader.Read()))
        {
            var fields = CurrentRow();
            if (fields.Count > 0) head.Add(new HeadRecord(head.Count, reader.Depth + 1, fields));
        }
        return head.Count > 0;
    }

    public override void Load(DuckDBConnection connection, HeadRecord header, int dataStartIndex, IReadOnlyList<LoadColumn> columns)
    {
        // ExcelDataReader reads such a cell as empty: a row would lose its minutes without a word.
        var loaded = columns.Select(c => c.Field).ToHashSet();
        if (uncalculated.Where(u => u.Key.Row > header.Line && loaded.Contains(u.Key.Column)).OrderBy(u => u.Key).FirstOrDefault() is { Value: { } formula } first)
            throw new ImportRejectedException(first.Key.Row, first.Key.Column + 1, header.Fields[first.Key.Column].Trim(),
                $"a formula without a saved result (={formula}): a program wrote this workbook and it was never calculated. " +
                "Open it in Excel and save it, so that every formula keeps its value.");
        CreateSourceTable(connection, columns);

        var shifts = new List<(long, long)>();
        long records = 0, currentOffset = long.MinValue;
        using (var appender = connection.CreateAppender("temp", "main", "src"))
        {
            void Append(int line, IReadOnlyList<string> fields)
            {
                var row = appender.CreateRow();
                if (columns.Count == 0) row.AppendNullValue();
                foreach (var column in columns)
                {
                    var value = column.Field < fields.Count ? fields[column.Field] : null;
                    if (string.IsNullOrEmpty(value)) row.AppendNullValue(); else row.AppendValue(value);
                }
                row.EndRow();
                var offset = line - records;
                if (offset != currentOffset) { shifts.Add((records, offset)); currentOffset = offset; }
                records++;
            }

            foreach (var record in head.Skip(dataStartIndex)) Append(record.Line, record.Fields);
            if (head.Count == HeadSize && readerHasRow)
            {
                while (reader.Read())
                {
                    var fields = CurrentRow();
                    if (fields.Count > 0) Append(reader.Depth + 1, fields);
                }
            }
        }
        CreateLineShift(connection, shifts);
    }

    /// <summary>
    /// The current row's cells as text, without trailing empty cells (none at all for an empty row). A cell merged
    /// down from a row above (a department written once over its people) reads as what the analyst sees there: the
    /// merged value. Excel stores it only in the range's first cell, which would leave the rows below without one.
    /// </summary>
    List<string> CurrentRow()
    {
        var fields = new List<string>(reader.FieldCount);
        var row = reader.Depth;
        for (var i = 0; i < reader.FieldCount; i++)
            fields.Add(reader.GetValue(i) is { } value and not DBNull ? Text(value) : errorCells.GetValueOrDefault((row + 1, i), ""));
        var hasContent = fields.Any(f => !string.IsNullOrWhiteSpace(f));
        foreach (var range in mergedDown)
        {
            if (row == range.FromRow) mergedValues[range] = range.FromColumn < fields.Count ? fields[range.FromColumn] : "";
            else if (hasContent && row > range.FromRow && row <= range.ToRow && mergedValues.TryGetValue(range, out var value))
            {
                while (fields.Count <= range.FromColumn) fields.Add("");
                fields[range.FromColumn] = value;
            }
        }
        while (fields.Count > 0 && string.IsNullOrWhiteSpace(fields[^1])) fields.RemoveAt(fields.Count - 1);
        return fields;
    }

    static string Text(object? value) => value switch
    {
        null or DBNull => "",
        string s => s,
        DateTime d when d.TimeOfDay == TimeSpan.Zero => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime d => d.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        TimeSpan t => t.ToString("c", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>
    /// The error values (#DIV/0!, #N/A, …) of a sheet's cells by Excel row and 0-based column. ExcelDataReader 3.6 reads
    /// an error cell as empty, which loaded a failed formula as a missing value; as its text, the checks reject it with
    /// line and column. In the same pass, the formulas a program wrote without their result, which ExcelDataReader also
    /// reads as empty. Read from the sheet's XML, found by name through the workbook and its relationships.
    /// </summary>
    static (Dictionary<(int, int), string> Errors, Dictionary<(int, int), string> Uncalculated) ErrorCells(string path, string sheetName)
    {
        var errors = new Dictionary<(int, int), string>();
        var uncalculated = new Dictionary<(int, int), string>();
        try
        {
            FindErrorCells(path, sheetName, errors, uncalculated);
        }
        catch (Exception e) when (e is XmlException or InvalidDataException)
        {
            // Damaged XML: ExcelDataReader's own reading of the sheet says so.
        }
        return (errors, uncalculated);
    }

    static void FindErrorCells(string path, string sheetName, Dictionary<(int, int), string> errors, Dictionary<(int, int), string> uncalculated)
    {
        using var zip = ZipFile.OpenRead(path);
        string? relationship = null;
        using (var workbook = Xml(zip.GetEntry("xl/workbook.xml")!))
            while (relationship is null && workbook.Read())
                if (workbook.NodeType == XmlNodeType.Element && workbook.LocalName == "sheet" && workbook.GetAttribute("name") == sheetName)
                    relationship = workbook.GetAttribute("id", "http://schemas.openxmlformats.org/officeDocument/2006/relationships")
                                   ?? workbook.GetAttribute("id", "http://purl.oclc.org/ooxml/officeDocument/relationships");
        string? target = null;
        if (relationship is not null && zip.GetEntry("xl/_rels/workbook.xml.rels") is { } rels)
            using (var links = Xml(rels))
                while (target is null && links.Read())
                    if (links.NodeType == XmlNodeType.Element && links.LocalName == "Relationship" && links.GetAttribute("Id") == relationship)
                        target = links.GetAttribute("Target");
        if (target is null || zip.GetEntry(target.StartsWith('/') ? target[1..] : "xl/" + target) is not { } part || !MayHoldErrors(part))
            return;

        using var cells = Xml(part);
        while (cells.Read())
        {
            if (cells.NodeType != XmlNodeType.Element || cells.LocalName != "c" || cells.IsEmptyElement) continue;
            if (cells.GetAttribute("r") is not { } reference || CellAddress(reference) is not { } at) continue;
            var type = cells.GetAttribute("t");
            string? formula = null, value = null;
            using (var cell = cells.ReadSubtree())
            {
                cell.Read();
                cell.Read();
                // Reading an element's content moves on to the node after it: only read on where nothing was read.
                while (!cell.EOF)
                    if (cell.NodeType == XmlNodeType.Element && cell.LocalName == "f") formula = cell.ReadElementContentAsString();
                    else if (cell.NodeType == XmlNodeType.Element && cell.LocalName == "v") value = cell.ReadElementContentAsString();
                    else cell.Read();
            }
            if (type == "e" && value is not null) errors[at] = value;
            // No value, or an empty one where only a text result ("str") may be empty: never calculated.
            else if (formula is not null && (value is null || (value.Length == 0 && type != "str")))
                uncalculated[at] = formula.Length > 0 ? formula : "a shared formula";
        }
    }

    /// <summary>
    /// Whether the sheet's XML may hold an error cell or a formula without its result: a byte search, where parsing the XML of a 50,000-row
    /// sheet took a tenth of its import and nearly every sheet holds no error.
    /// </summary>
    static bool MayHoldErrors(ZipArchiveEntry part)
    {
        // An error cell's type, a formula that ends its cell without a value after it, or an empty value.
        ReadOnlySpan<byte> doubleQuoted = "t=\"e\""u8, singleQuoted = "t='e'"u8, formulaEnds = "</f></c>"u8, sharedFormulaEnds = "/></c>"u8,
            emptyValue = "<v></v>"u8, emptyValueShort = "<v/>"u8;
        using var stream = part.Open();
        var buffer = new byte[1 << 16];
        var kept = 0;
        int read;
        while ((read = stream.Read(buffer, kept, buffer.Length - kept)) > 0)
        {
            var filled = buffer.AsSpan(0, kept + read);
            if (filled.IndexOf(doubleQuoted) >= 0 || filled.IndexOf(singleQuoted) >= 0 || filled.IndexOf(formulaEnds) >= 0
                || filled.IndexOf(sharedFormulaEnds) >= 0 || filled.IndexOf(emptyValue) >= 0 || filled.IndexOf(emptyValueShort) >= 0) return true;
            // The last bytes again at the start: a pattern may straddle two reads.
            kept = Math.Min(formulaEnds.Length - 1, filled.Length);
            filled[^kept..].CopyTo(buffer);
        }
        return false;
    }

    static XmlReader Xml(ZipArchiveEntry entry) =>
        XmlReader.Create(entry.Open(), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, IgnoreWhitespace = true });

    /// <summary>"E12" as (12, 4): Excel row and 0-based column.</summary>
    static (int Row, int Column)? CellAddress(string reference)
    {
        var column = 0;
        var i = 0;
        for (; i < reference.Length && char.IsAsciiLetter(reference[i]); i++) column = column * 26 + char.ToUpperInvariant(reference[i]) - 'A' + 1;
        return column > 0 && int.TryParse(reference.AsSpan(i), NumberStyles.None, CultureInfo.InvariantCulture, out var row) ? (row, column - 1) : null;
    }

    /// <summary>Refuses what is not a workbook, and zip bombs, before any XML is parsed.</summary>
    static void CheckPackage(string path)
    {
        try
        {
            using var zip = ZipFile.OpenRead(path);
            if (zip.GetEntry("xl/workbook.xml") is null)
                throw new ImportRejectedException(1, null, null, "this is a zip archive but not an Excel workbook (.xlsx).");
            long unpacked = 0;
            foreach (var entry in zip.Entries)
            {
                unpacked += entry.Length;
                var ratio = entry.CompressedLength == 0 ? 0 : entry.Length / entry.CompressedLength;
                if (unpacked > MaxUnpackedBytes || (entry.Length > 10_000_000 && ratio > 200))
                    throw new ImportRejectedException(1, null, null,
                        $"the workbook unpacks to more than {MaxUnpackedBytes >> 20} MB or compresses {ratio}:1 ('{entry.FullName}'): refused as a possible zip bomb.");
            }
        }
        catch (InvalidDataException e)
        {
            throw new ImportRejectedException(1, null, null, $"the .xlsx file is damaged: {e.Message}");
        }
    }

    public override void Dispose()
    {
        reader.Dispose();
        stream.Dispose();
        base.Dispose();
    }
}
