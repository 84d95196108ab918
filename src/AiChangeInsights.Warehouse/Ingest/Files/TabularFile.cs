using DuckDB.NET.Data;

namespace AiChangeInsights.Warehouse.Ingest.Files;

/// <summary>One record of a file's first lines, used to find the header and recognise the source.</summary>
public sealed record HeadRecord(int Index, int Line, IReadOnlyList<string> Fields);

/// <summary>A column to load: the field position in the file and the name it gets in the temp table <c>src</c>.</summary>
public sealed record LoadColumn(int Field, string Name);

/// <summary>
/// A CSV or .xlsx file seen as text records. After <see cref="Load"/>, the temp table <c>src</c> holds one
/// VARCHAR row per data record in file order (its rowid is the record number) and <c>line_shift</c> maps a
/// record number to the line (or Excel row) the analyst sees: line = rowid + offset of the nearest from_rec.
/// </summary>
public abstract class TabularFile : IDisposable
{
    public const int HeadSize = 30;

    protected TabularFile(string displayName) => DisplayName = displayName;

    public string DisplayName { get; }

    /// <summary>How the file was read, for the import summary (delimiter, encoding, sheet).</summary>
    public abstract string ReadAs { get; }

    public abstract IReadOnlyList<HeadRecord> Head { get; }

    public abstract void Load(DuckDBConnection connection, HeadRecord header, int dataStartIndex, IReadOnlyList<LoadColumn> columns);

    public static TabularFile Open(string path, string displayName) => FileSniffer.Detect(path) switch
    {
        FileFormat.Xlsx => XlsxFile.Read(path, displayName),
        FileFormat.Json => JsonFile.Read(path, displayName),
        _ => CsvFile.Read(path, displayName),
    };

    public virtual void Dispose() => GC.SuppressFinalize(this);

    protected static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";

    /// <summary>The import's text table <c>src</c>, one varchar column per loaded column, for files appended row by row.</summary>
    protected static void CreateSourceTable(DuckDBConnection connection, IReadOnlyList<LoadColumn> columns)
    {
        using var command = connection.CreateCommand();
        var definition = columns.Count == 0 ? "c1 varchar" : string.Join(", ", columns.Select(c => Quote(c.Name) + " varchar"));
        command.CommandText = $"create or replace temp table src ({definition})";
        command.ExecuteNonQuery();
    }

    protected static string Literal(string text) => "'" + text.Replace("'", "''") + "'";

    protected static void CreateLineShift(DuckDBConnection connection, IEnumerable<(long FromRec, long Offset)> shifts)
    {
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "create or replace temp table line_shift (from_rec bigint, line_offset bigint)";
            command.ExecuteNonQuery();
        }
        using var appender = connection.CreateAppender("temp", "main", "line_shift");
        foreach (var (fromRec, offset) in shifts) appender.CreateRow().AppendValue(fromRec).AppendValue(offset).EndRow();
    }
}
