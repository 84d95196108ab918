using System.Text;
using System.Text.Json;
using DuckDB.NET.Data;

namespace AiChangeInsights.Warehouse.Ingest.Files;

/// <summary>
/// A JSON export seen as a table: a top-level array of objects, or objects one after another (NDJSON, as GitHub's
/// Copilot usage-metrics reports are downloaded). The header is every property name in first-seen order; a nested
/// object or array stays one cell holding its JSON text, for a vendor's reshape to read with DuckDB's JSON functions.
/// Line numbers are the lines on which each object starts.
/// </summary>
public sealed class JsonFile : TabularFile
{
    readonly List<HeadRecord> head;
    readonly List<(int Line, Dictionary<string, string?> Values)> records;
    readonly IReadOnlyList<string> keys;
    readonly string shape;

    JsonFile(string displayName, IReadOnlyList<string> keys, List<(int, Dictionary<string, string?>)> records, string shape) : base(displayName)
    {
        this.keys = keys;
        this.records = records;
        this.shape = shape;
        head = [new HeadRecord(0, records.Count == 0 ? 1 : records[0].Item1, keys)];
        foreach (var (line, values) in records.Take(HeadSize - 1))
            head.Add(new HeadRecord(head.Count, line, keys.Select(k => values.GetValueOrDefault(k) ?? "").ToArray()));
    }

    public override string ReadAs => $"JSON ({shape}, {records.Count} objects)";

    public override IReadOnlyList<HeadRecord> Head => head;

    public static JsonFile Read(string path, string displayName)
    {
        var bytes = File.ReadAllBytes(path);
        var start = bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? Encoding.UTF8.Preamble.Length : 0;
        var json = bytes.AsMemory(start);
        var records = new List<(int, Dictionary<string, string?>)>();
        var keys = new List<string>();
        var known = new HashSet<string>(StringComparer.Ordinal);
        var lines = new LineCounter(json);
        string shape;
        var openRecordLine = 0;
        try
        {
            var reader = new Utf8JsonReader(json.Span, new JsonReaderOptions { AllowMultipleValues = true, CommentHandling = JsonCommentHandling.Skip });
            if (!reader.Read()) throw new ImportRejectedException(1, null, null, "the file is empty.");
            var array = reader.TokenType == JsonTokenType.StartArray;
            shape = array ? "array" : "one object per line";
            if (array && !reader.Read()) throw new ImportRejectedException(1, null, null, "the JSON array is never closed.");
            while (true)
            {
                if (array && reader.TokenType == JsonTokenType.EndArray) break;
                var line = lines.LineAt((int)reader.TokenStartIndex);
                if (reader.TokenType != JsonTokenType.StartObject)
                    throw new ImportRejectedException(line, null, null, "every record must be a JSON object ({ … }).");
                openRecordLine = line;
                using (var document = JsonDocument.ParseValue(ref reader))
                {
                    var values = new Dictionary<string, string?>(StringComparer.Ordinal);
                    foreach (var property in document.RootElement.EnumerateObject())
                    {
                        if (known.Add(property.Name)) keys.Add(property.Name);
                        values[property.Name] = Text(property.Value);
                    }
                    records.Add((line, values));
                }
                openRecordLine = 0;
                if (!reader.Read()) break;
            }
            if (array && reader.Read())
                throw new ImportRejectedException(lines.LineAt((int)reader.TokenStartIndex), null, null, "there is more JSON after the closing ']'.");
        }
        catch (JsonException e)
        {
            var line = (int)(e.LineNumber ?? 0) + 1;
            // A record cut off shows only where the parser gave up (often the next record's line): say where it started.
            var cutOff = openRecordLine > 0 && openRecordLine < line
                ? $" The object that starts on line {openRecordLine} is never closed: is the file cut off?"
                : "";
            throw new ImportRejectedException(line, (int)(e.BytePositionInLine ?? 0) + 1, null,
                $"the JSON could not be parsed: {e.Message.Split(" LineNumber:")[0]}{cutOff}");
        }
        if (records.Count == 0) throw new ImportRejectedException(1, null, null, "the JSON holds no objects.");
        return new JsonFile(displayName, keys, records, shape);
    }

    public override void Load(DuckDBConnection connection, HeadRecord header, int dataStartIndex, IReadOnlyList<LoadColumn> columns)
    {
        CreateSourceTable(connection, columns);
        var shifts = new List<(long, long)>();
        long index = 0, currentOffset = long.MinValue;
        using (var appender = connection.CreateAppender("temp", "main", "src"))
        {
            // Head record 0 is the synthetic header: data record i is head record i + 1.
            foreach (var (line, values) in records.Skip(Math.Max(0, dataStartIndex - 1)))
            {
                var row = appender.CreateRow();
                if (columns.Count == 0) row.AppendNullValue();
                foreach (var column in columns)
                {
                    var value = column.Field < keys.Count ? values.GetValueOrDefault(keys[column.Field]) : null;
                    if (string.IsNullOrEmpty(value)) row.AppendNullValue(); else row.AppendValue(value);
                }
                row.EndRow();
                var offset = line - index;
                if (offset != currentOffset) { shifts.Add((index, offset)); currentOffset = offset; }
                index++;
            }
        }
        CreateLineShift(connection, shifts);
    }

    static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => value.GetRawText(),
    };

    /// <summary>Line numbers of byte offsets, counted forward once (offsets are asked for in increasing order).</summary>
    sealed class LineCounter(ReadOnlyMemory<byte> json)
    {
        int position, line = 1;

        public int LineAt(int offset)
        {
            if (offset < position) { position = 0; line = 1; }
            line += json.Span[position..offset].Count((byte)'\n');
            position = offset;
            return line;
        }
    }
}
