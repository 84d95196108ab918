using System.Data;
using System.Globalization;
using System.Text.Json;
using DuckDB.NET.Data;

namespace AiChangeInsights.Cli;

/// <summary><c>aci sql</c>: run one read-only query against the warehouse and print CSV (with a header row) or JSON.</summary>
internal static class SqlCommand
{
    public static int Run(Arguments arguments, TextWriter output)
    {
        arguments.Allow("db", "format");
        if (arguments.Values.Count != 1) throw new UsageException("sql needs exactly one query, in quotes");
        var format = arguments.Option("format") ?? "csv";
        if (format is not ("csv" or "json")) throw new UsageException("--format is csv or json");

        // Opening the warehouse brings its schema up to date (and says so when the server holds the file). The query
        // then runs on a read-only connection: data changes go through imports, undo and settings, which keep the
        // import history, undo and marts in step; a DELETE typed here would leave them describing rows that are gone.
        string database;
        using (var warehouse = Aci.OpenWarehouse(arguments)) database = warehouse.DatabasePath;
        using var connection = new DuckDBConnection($"Data Source={database};ACCESS_MODE=READ_ONLY");
        connection.Open();
        try
        {
            using (var settings = connection.CreateCommand())
            {
                settings.CommandText = "set autoinstall_known_extensions = false; set autoload_known_extensions = false; set TimeZone = 'UTC'";
                settings.ExecuteNonQuery();
            }
            using var command = connection.CreateCommand();
            command.CommandText = arguments.Values[0];
            using var reader = command.ExecuteReader();
            if (format == "csv") WriteCsv(reader, output); else WriteJson(reader, output);
            return Aci.Ok;
        }
        catch (DuckDBException e) when (e.Message.Contains("read-only mode", StringComparison.Ordinal))
        {
            throw new ArgumentException("sql only reads the warehouse: change data by importing, undoing an import or the settings page " +
                                        $"({e.Message.Split('\n')[0]})");
        }
        catch (DuckDBException e)
        {
            throw new ArgumentException(e.Message.Split('\n')[0]);
        }
    }

    static void WriteCsv(IDataReader reader, TextWriter output)
    {
        output.WriteLine(string.Join(",", Enumerable.Range(0, reader.FieldCount).Select(i => Csv(reader.GetName(i)))));
        while (reader.Read())
            output.WriteLine(string.Join(",", Enumerable.Range(0, reader.FieldCount).Select(i => Csv(Text(reader.GetValue(i))))));
    }

    static void WriteJson(IDataReader reader, TextWriter output)
    {
        var rows = new List<Dictionary<string, object?>>();
        while (reader.Read())
        {
            var row = new Dictionary<string, object?>();
            for (var i = 0; i < reader.FieldCount; i++)
            {
                var value = reader.GetValue(i);
                row[reader.GetName(i)] = value switch
                {
                    DBNull => null,
                    System.Numerics.BigInteger big => (decimal)big,
                    DateOnly or DateTime or TimeOnly => Text(value),
                    _ => value,
                };
            }
            rows.Add(row);
        }
        output.WriteLine(JsonSerializer.Serialize(rows, Aci.Json));
    }

    static string Text(object value) => value switch
    {
        DBNull => "",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime d when d.TimeOfDay == TimeSpan.Zero => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime d => d.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    static string Csv(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
}
