using System.Diagnostics;
using System.Security.Cryptography;
using AiChangeInsights.Warehouse.Ingest.Files;
using AiChangeInsights.Warehouse.Sql;
using Dapper;
using DuckDB.NET.Data;

namespace AiChangeInsights.Warehouse.Ingest;

/// <summary>
/// The one import path behind the CLI, the upload page, the API and the inbox job:
/// detect format -> recognise source -> read into temp tables -> type and validate in SQL -> pseudonymise ->
/// one transaction (persons, raw rows, rejected rows, history, mart refresh). A file that fails leaves the
/// warehouse's data exactly as it was; only its history row records the attempt.
/// </summary>
public sealed class Importer(Warehouse warehouse)
{
    /// <summary>
    /// Columns a source would each take as a question or item (surveys, maturity): more is not a survey but a wide
    /// report or a broken file, and each one costs work inside the write lock (10,000 took five minutes).
    /// </summary>
    public const int MaxExtraColumns = 1000;

    /// <summary>The person registry and the identities of its people: every import may add to them.</summary>
    public static readonly IReadOnlyList<string> PersonTables = ["person", "person_alias_candidate"];

    public ImportSummary Import(string path, ImportRequest request, IProgress<ImportProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var stages = new ImportStages(progress, cancellationToken);
        var fileName = DisplayName(request.FileName ?? Path.GetFileName(path));
        var started = DateTime.UtcNow;
        var clock = Stopwatch.StartNew();
        string hash;
        try
        {
            stages.Enter("checking");
            hash = ContentHash(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new ImportSummary { File = fileName, Status = ImportSummary.Rejected, Message = $"{fileName}: cannot be read: {e.Message}" };
        }

        return warehouse.Write(connection =>
        {
            var attempt = new Attempt(connection, fileName, hash, request, started, clock);
            var earlier = connection.QueryFirstOrDefault<(long Id, DateTime At, string Source)?>(
                "select import_id, finished_at, source from import_history where content_hash = $hash and status = 'loaded' order by import_id limit 1",
                new { hash });
            if (earlier is { } e)
                return attempt.Record(ImportSummary.AlreadyImported, e.Source, null,
                    $"{fileName} was already imported on {e.At:yyyy-MM-dd HH:mm} UTC (import #{e.Id}); nothing changed.", 0, 0, 0, 0);
            try
            {
                return Load(attempt, path, stages);
            }
            catch (OperationCanceledException)
            {
                return attempt.Record(ImportSummary.Cancelled, attempt.Source, attempt.Format,
                    $"{fileName}: the import was cancelled; nothing was loaded.", 0, 0, 0, 0);
            }
            catch (ImportRejectedException rejection)
            {
                return attempt.Record(ImportSummary.Rejected, attempt.Source, attempt.Format, rejection.Describe(fileName), 0, 0, 0, 0);
            }
            catch (DuckDBException failure)
            {
                return attempt.Record(ImportSummary.Rejected, attempt.Source, attempt.Format,
                    $"{fileName}: could not be imported: {failure.Message.Split('\n')[0]}", 0, 0, 0, 0);
            }
            finally
            {
                // A source may have switched it off for one large insert (UsageImporter) and failed before switching it on.
                connection.Execute("reset preserve_insertion_order");
            }
        }, cancellationToken);
    }

    ImportSummary Load(Attempt attempt, string path, ImportStages stages)
    {
        var connection = attempt.Connection;
        var request = attempt.Request;
        using var file = TabularFile.Open(path, attempt.FileName);
        attempt.Format = file.ReadAs;

        var forced = !string.IsNullOrWhiteSpace(request.Source) && !request.Source.Equals("auto", StringComparison.OrdinalIgnoreCase);
        var candidates = forced ? [SourceCatalog.Find(request.Source!)] : SourceCatalog.All;
        HeaderMatch match;
        try
        {
            match = Headers.Recognise(file.Head, candidates, forced);
        }
        catch (ImportRejectedException) when (file is CsvFile csv && csv.HeaderSplitsDifferently() is { } explanation)
        {
            throw explanation;
        }
        catch (ImportRejectedException first) when (file is XlsxFile workbook)
        {
            // A workbook may open with a README or summary sheet: the export is the first sheet that is one.
            match = RecogniseLaterSheet(workbook, candidates, forced) ?? throw (workbook.PassedSheets.Count < 2 ? first
                : new ImportRejectedException(first.Line, first.Column, first.ColumnName,
                    $"{first.Reason} (on sheet '{workbook.PassedSheets[0]}'; {OtherSheets(workbook.PassedSheets.Skip(1).ToList())} either)"));
        }
        var source = match.Source;
        if (match.Extra.Count > MaxExtraColumns)
        {
            var first = match.Extra[MaxExtraColumns];
            throw new ImportRejectedException(match.Header.Line, first.Field + 1, first.Header,
                $"the header has {match.Extra.Count} columns that would each be a {source.Name} question; at most {MaxExtraColumns} are read. " +
                "Is this the right export?");
        }
        attempt.Source = source.Name;
        var readAs = match.Vendor is null ? file.ReadAs : $"{match.Vendor.Name}, {file.ReadAs}";
        attempt.Format = readAs;
        if (match.Vendor is not null) request = match.Vendor.Defaults(request, attempt.FileName);

        var columns = match.Columns.Select(c => new LoadColumn(c.Value, c.Key))
            .Concat(match.Extra.Select(x => new LoadColumn(x.Field, x.Name))).ToList();
        var commaByDefault = file is CsvFile { Delimiter: (byte)';' };
        var typedColumns = columns.Select(c => (c, source.Columns.FirstOrDefault(s => s.Name == c.Name) is { } t ? ColumnTyping.ReaderType(t) : null)).ToList();
        stages.Enter("reading");
        // The fast lane: DuckDB's CSV reader types the dates and numbers of a clean file itself.
        var typedByReader = file is CsvFile clean && ColumnTyping.ReaderMayType(match, request) &&
                            stages.Track(connection, () => clean.TryLoadTyped(connection, match.Header, match.DataStartIndex, typedColumns, commaByDefault));
        if (!typedByReader) stages.Track(connection, () => file.Load(connection, match.Header, match.DataStartIndex, columns));
        stages.Enter("validating");
        long readerRows = 0, blankRows = 0;
        if (typedByReader && !stages.Track(connection, () => EveryRowPasses(connection, match, request, commaByDefault, out readerRows, out blankRows)))
        {
            // A row failed a check: the whole way reads the file again to name line, column and reason of each problem.
            typedByReader = false;
            stages.Track(connection, () => file.Load(connection, match.Header, match.DataStartIndex, columns));
        }
        IReadOnlyList<string> typingNotes = [];
        if (!typedByReader)
        {
            if (match.Vendor?.Reshape(match, request) is { } reshape) connection.Execute(reshape);
            typingNotes = stages.Track(connection, () => ColumnTyping.Create(connection, match, request, commaByDefault));
            if (match.Vendor is null) RefuseReorderedHeader(connection, match);
        }
        // The text is typed now: free its memory before the next steps need theirs (a million rows hold 100+ MB).
        // The fast lane's typed is a view over src, which stays.
        if (!typedByReader) connection.Execute("drop table src");

        var rowsRead = typedByReader ? readerRows : connection.ExecuteScalar<long>("select count(*) from typed where not _empty");
        stages.RowsRead(rowsRead);
        if (rowsRead == 0)
            throw new ImportRejectedException(match.Header.Line + 1, null, null, "the file has a header but no data rows.");

        // Where a rejected value sits in the file, as the analyst sees it: position and header text.
        connection.Execute("create or replace temp table column_label (column_name varchar, position integer, header varchar)");
        using (var appender = connection.CreateAppender("temp", "main", "column_label"))
        {
            foreach (var (name, field) in match.Columns)
                appender.CreateRow().AppendValue(name).AppendValue(field + 1).AppendValue(match.Header.Fields[field].Trim()).EndRow();
        }
        // valid is a view, not a copy: a million typed rows stay in memory once.
        // Without blank rows, the view need not evaluate every column of a row to find them.
        var blankFilter = blankRows > 0 ? " where not _empty" : "";
        // A vendor's column filled from several file columns names, per row, the one its value came from.
        var ofRow = (match.Vendor?.ColumnOfRow(match) ?? new Dictionary<string, (string Position, string Header)>()).ToList();
        string ByRow(string part, string fallback) => ofRow.Count == 0 ? fallback :
            $"coalesce(case r.column_name {string.Join(" ", ofRow.Select((c, i) => $"when {ColumnTyping.L(c.Key)} then r.\"_{part}{i}\""))} end, {fallback})";
        var rowColumns = string.Concat(ofRow.Select((c, i) => $"{c.Value.Position} as \"_position{i}\", {c.Value.Header} as \"_header{i}\", "));
        connection.Execute(typedByReader
            ? $"""
              create or replace temp view valid as select * exclude (_fails, _padded, _empty) from typed{blankFilter};
              create or replace temp table rejected (line bigint, position integer, column_name varchar, value varchar, reason varchar);
              """
            : $"""
              create or replace temp view valid as select * exclude (_errors, _empty) from typed where not _empty and len(_errors) = 0;
              create or replace temp table rejected as
                  select r._line as line, {ByRow("position", "l.position")} as position,
                         {ByRow("header", "coalesce(l.header, r.column_name)")} as column_name, r.value, r.reason
                  from (select _line, {rowColumns}unnest(_errors, recursive := true) from typed where not _empty and len(_errors) > 0) r
                  left join column_label l using (column_name);
              """);
        var rowsRejected = typedByReader ? 0 : rowsRead - connection.ExecuteScalar<long>("select count(*) from valid");

        stages.Enter("pseudonymising");
        PersonIdentities.Pseudonymise(connection, warehouse.Pseudonymiser, source, match);

        stages.Enter("loading");
        using var transaction = connection.BeginTransaction();
        var importId = connection.ExecuteScalar<long>("select nextval('import_id_seq')", transaction: transaction);
        var result = new LoadResult(0, 0, []);
        if (rowsRejected < rowsRead)
        {
            PersonIdentities.Register(connection, transaction, importId);
            var context = new LoadContext(connection, transaction, importId, request, attempt.FileName, match.Extra);
            result = stages.Track(connection, () => source.Load(context));
            if (match.Vendor is not null) result = result with { Notes = [.. result.Notes, .. match.Vendor.Notes(context)] };
            result = result with { Notes = [.. typingNotes, .. result.Notes] };
        }

        // A source may reject single cells (a survey answer off the scale) while keeping the row.
        connection.Execute($"""
            insert into import_rejected_row
            select {importId}, line, column_name, value, reason from rejected order by line, position nulls last
            """, transaction: transaction);
        var firstProblem = connection.QueryFirstOrDefault<(int Line, int? Position, string? Column, string Reason)?>(
            "select line, position, column_name, reason from rejected order by line, position nulls last limit 1", transaction: transaction);
        var firstText = firstProblem is { } p
            ? $"line {p.Line}{(p.Position is null ? "" : $", column {p.Position}")}{(p.Column is null ? "" : $" ({p.Column})")}: {p.Reason}"
            : null;

        // The typed rows are in the raw tables now; the mart refresh gets their memory.
        connection.Execute(typedByReader ? "drop view valid; drop view typed; drop table src" : "drop view valid; drop table typed", transaction: transaction);
        string status, message;
        if (result.Loaded == 0 && result.Duplicates == 0)
        {
            status = ImportSummary.Rejected;
            message = $"{attempt.FileName}: all {rowsRead} rows were rejected; first at {firstText}.";
        }
        else
        {
            status = ImportSummary.Loaded;
            stages.Enter("refreshing");
            // Settings are not among them: a change of settings refreshes the marts itself (Warehouse.Refresh).
            stages.Track(connection, () => SqlCatalog.Embedded.RefreshMarts(connection, transaction, [.. source.RawTables, .. PersonTables]));
            var parts = new List<string> { $"Loaded {result.Loaded} of {rowsRead} rows as {source.Name} ({readAs})." };
            if (rowsRejected > 0) parts.Add($"{rowsRejected} rejected; first at {firstText}.");
            else if (firstText is not null) parts.Add($"Some values were ignored; first at {firstText}.");
            if (result.Duplicates > 0) parts.Add($"{result.Duplicates} duplicate rows skipped.");
            parts.AddRange(result.Notes);
            // How the rows joined the roster is known once the marts are rebuilt (person_identity).
            parts.AddRange(PersonIdentities.Notes(connection, transaction, importId, source));
            message = string.Join(" ", parts);
        }

        var summary = attempt.Record(status, source.Name, readAs, message, rowsRead, result.Loaded, rowsRejected, result.Duplicates, importId, transaction);
        // The last moment to cancel: after the commit the import has happened.
        stages.Token.ThrowIfCancellationRequested();
        transaction.Commit();
        return summary;
    }

    /// <summary>
    /// Two exports joined one after the other repeat the header. In the first header's column order that line is one
    /// bad row; in another order, every row below it would land in the wrong columns without a single bad value
    /// (minutes as actions): the file is refused at that line.
    /// </summary>
    static void RefuseReorderedHeader(DuckDBConnection connection, HeaderMatch match)
    {
        if (match.Columns.Count < 2) return;
        var names = match.Header.Fields.Select(f => ColumnTyping.L(f.Trim().ToLowerInvariant())).Distinct().ToList();
        var columns = match.Columns.OrderBy(c => c.Value).ToList();
        var found = connection.QueryFirstOrDefault($"""
            select rowid as _rec, {string.Join(", ", columns.Select(c => $"lower(trim({ColumnTyping.Q(c.Key)})) as {ColumnTyping.Q(c.Key)}"))}
            from src where {string.Join(" and ", columns.Select(c => $"lower(trim({ColumnTyping.Q(c.Key)})) in ({string.Join(", ", names)})"))}
            order by rowid limit 1
            """);
        if (found is not IDictionary<string, object> row) return;
        foreach (var (name, field) in columns)
        {
            var header = match.Header.Fields[field].Trim();
            if ((string)row[name] == header.ToLowerInvariant()) continue;
            var line = connection.ExecuteScalar<long>("select _line from typed where _rec = $rec", new { rec = row["_rec"] });
            throw new ImportRejectedException((int)line, field + 1, header,
                $"this line repeats the header with its columns in another order ('{row[name]}' where the first header has '{header}'): " +
                "two exports seem joined, and the rows below it would land in the wrong columns. Import them as separate files.");
        }
    }

    static string OtherSheets(IReadOnlyList<string> names) => names.Count == 1
        ? $"the workbook's other sheet '{names[0]}' is no export"
        : $"the workbook's other sheets {string.Join(", ", names.Select(n => $"'{n}'"))} are no exports";

    /// <summary>The header of the workbook's next visible sheets with data, until one is an export; null when none is.</summary>
    static HeaderMatch? RecogniseLaterSheet(XlsxFile workbook, IReadOnlyList<Source> candidates, bool forced)
    {
        while (workbook.NextSheet())
        {
            try
            {
                return Headers.Recognise(workbook.Head, candidates, forced);
            }
            catch (ImportRejectedException)
            {
                // Not this one either: the first sheet's reason is the one reported.
            }
        }
        return null;
    }

    /// <summary>
    /// Checks the reader's rows with the same checks as the whole way; true when every row passed (<c>typed</c> is then a
    /// view over <c>src</c> with <paramref name="rowsRead"/> rows holding a value and <paramref name="blankRows"/> without,
    /// trimming text only when some value has blank ends).
    /// Otherwise <c>typed</c> and <c>src</c> are gone.
    /// </summary>
    static bool EveryRowPasses(DuckDBConnection connection, HeaderMatch match, ImportRequest request, bool commaByDefault,
        out long rowsRead, out long blankRows)
    {
        ColumnTyping.Create(connection, match, request, commaByDefault, typedByReader: true);
        (var failing, rowsRead, blankRows, var padded) = connection.QuerySingle<(long, long, long, long)>(
            "select count(*) filter (where _fails and not _empty), count(*) filter (where not _empty), count(*) filter (where _empty), " +
            "count(*) filter (where _padded) from typed");
        if (failing == 0 && padded == 0) ColumnTyping.Create(connection, match, request, commaByDefault, typedByReader: true, trim: false);
        if (failing == 0) return true;
        connection.Execute("drop view typed; drop table src");
        return false;
    }

    /// <summary>
    /// The name the history shows: only the last part of whatever a caller passed (no "../", no folders), without
    /// control characters (a line break would forge a line in a log or a reason file).
    /// </summary>
    static string DisplayName(string name)
    {
        var last = Path.GetFileName(name.Replace('\\', '/'));
        var clean = new string(last.Where(c => !char.IsControl(c)).ToArray()).Trim();
        return clean.Length == 0 ? "upload" : clean;
    }

    static string ContentHash(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>One import's bookkeeping: who, when, what, and its history row.</summary>
    sealed class Attempt(DuckDBConnection connection, string fileName, string hash, ImportRequest request, DateTime started, Stopwatch clock)
    {
        public DuckDBConnection Connection { get; } = connection;
        public string FileName { get; } = fileName;
        public ImportRequest Request { get; } = request;
        public string? Source { get; set; }
        public string? Format { get; set; }

        public ImportSummary Record(string status, string? source, string? format, string message,
            long read, long loaded, long rejected, long duplicates, long? importId = null, System.Data.IDbTransaction? transaction = null)
        {
            var ownTransaction = transaction is null ? Connection.BeginTransaction() : null;
            var tx = transaction ?? ownTransaction!;
            importId ??= Connection.ExecuteScalar<long>("select nextval('import_id_seq')", transaction: tx);
            Connection.Execute("""
                insert into import_history (import_id, file_name, source, format, content_hash, status, rows_read, rows_loaded,
                                            rows_rejected, duplicates, message, imported_by, started_at, finished_at, duration_ms)
                values ($id, $file, $source, $format, $hash, $status, $read, $loaded, $rejected, $duplicates, $message, $by,
                        $started, $finished, $ms)
                """, new
            {
                id = importId, file = FileName, source, format, hash, status, read, loaded, rejected, duplicates, message,
                by = Request.ImportedBy, started, finished = DateTime.UtcNow, ms = (int)clock.ElapsedMilliseconds,
            }, tx);
            ownTransaction?.Commit();
            ownTransaction?.Dispose();
            return new ImportSummary
            {
                File = FileName, Source = source, Status = status, RowsRead = read, RowsLoaded = loaded,
                RowsRejected = rejected, Duplicates = duplicates, Message = message, ImportId = importId,
            };
        }
    }
}
