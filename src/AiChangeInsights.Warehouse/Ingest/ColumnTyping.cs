using System.Globalization;
using Dapper;
using DuckDB.NET.Data;

namespace AiChangeInsights.Warehouse.Ingest;

/// <summary>
/// Turns the text table <c>src</c> into <c>typed</c>: one typed column per template column, <c>_line</c>, and
/// <c>_errors</c> (a list of {column_name, value, reason}). Date order and decimal separator are decided per
/// column from the values themselves (a date column that reads either way follows the file's other date columns)
/// unless the analyst forces a locale.
/// </summary>
internal static class ColumnTyping
{
    static readonly string[] Truthy = ["y", "yes", "j", "ja", "true", "waar", "wahr", "1", "x", "✓", "✔"];
    static readonly string[] Falsy = ["n", "no", "nee", "nein", "false", "onwaar", "falsch", "0", "-"];

    public sealed record Convention(bool DayFirst, bool DecimalComma);

    /// <summary>
    /// Trimmed from both ends of every value besides spaces: tabs, no-break spaces, zero-width spaces and byte-order
    /// marks (two exports joined with cat leave one at the start of a line). Invisible, they would still make
    /// "\uFEFFbo@example.nl" another person than "bo@example.nl".
    /// </summary>
    static readonly int[] Blanks = [' ', '\t', '\u00A0', '\u200B', '\uFEFF'];

    /// <summary>
    /// A value without blank ends, or null when nothing is left. trim() with a character list is slow (a third of the
    /// typing time of a million rows), so it only runs on a value that starts or ends with one of them.
    /// </summary>
    static string Trimmed(string value)
    {
        // list_contains, not IN: DuckDB plans an IN list of five as a join.
        var ends = string.Join(" or ", Blanks.Select(c => $"suffix({value}, chr({c}))"));
        var characters = L(string.Concat(Blanks.Select(c => (char)c)));
        return $"nullif(case when list_contains([{string.Join(", ", Blanks)}], ascii({value})) or {ends} then trim({value}, {characters}) else {value} end, '')";
    }

    /// <summary>The values Excel shows for a formula that failed.</summary>
    static readonly string[] ExcelErrors =
        ["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!",
         "#CONNECT!", "#BUSY!", "#UNKNOWN!"];

    /// <summary>A text value longer than this is not a name, department or title but a broken file (one giant field).</summary>
    public const int MaxTextLength = 1000;

    /// <summary>
    /// The DuckDB type a CSV reader can give a column itself (the fast lane of a clean file), or null for text: its
    /// cast takes exactly the ISO dates and plain numbers that the typing below reads the same way, and refuses the rest.
    /// </summary>
    public static string? ReaderType(SourceColumn column) => column.Kind switch
    {
        ValueKind.Date or ValueKind.Timestamp => "TIMESTAMP",
        ValueKind.Decimal or ValueKind.Integer => "DECIMAL(18, 4)",
        _ => null,
    };

    /// <summary>
    /// Whether the reader may type this file's columns: not for a vendor's export (reshaped from text), a forced locale
    /// or a month column (both read dates and numbers in other forms than ISO and plain).
    /// </summary>
    public static bool ReaderMayType(HeaderMatch match, ImportRequest request) =>
        match.Vendor is null && Locales.Find(request.Locale) is null &&
        !match.Source.Columns.Any(c => c.Kind == ValueKind.Month && match.Has(c.Name));

    /// <param name="typedByReader">
    /// The columns with a <see cref="ReaderType"/> arrive typed in <c>src</c> (the fast lane); the checks stay the same,
    /// but <c>typed</c> is a view over <c>src</c> with <c>_fails</c> (some check fails) instead of <c>_errors</c>, and
    /// <c>_padded</c> (a text value has blank ends or is empty, so trimming changed it).
    /// </param>
    /// <param name="trim">
    /// False once the fast lane's checks found no padded value: the view then passes text on as the reader read it.
    /// Every later pass over a million rows is cheaper, and DuckDB holds less while it aggregates them.
    /// </param>
    /// <returns>Notes for the summary: dates that read either way and were read day first.</returns>
    public static IReadOnlyList<string> Create(DuckDBConnection connection, HeaderMatch match, ImportRequest request,
        bool commaByDefault, bool typedByReader = false, bool trim = true)
    {
        var source = match.Source;
        var present = source.Columns.Where(c => match.Has(c.Name)).ToList();
        bool Typed(SourceColumn c) => typedByReader && match.Has(c.Name) && ReaderType(c) is not null;
        // The reader's columns need none: it read them as ISO dates and plain numbers.
        var (conventions, notes) = typedByReader
            ? ([], [])
            : DecideConventions(connection, present, request.Locale, commaByDefault, c => match.Columns.TryGetValue(c, out var f) ? match.Header.Fields[f].Trim() : c);

        // Each value is trimmed once (layer v) and typed once (layer t); the checks read those columns instead of
        // repeating the expressions, which cost several passes of regexes and date parsing per value.
        string Raw(SourceColumn c) => match.Has(c.Name) ? Q("raw:" + c.Name) : "null::varchar";
        string Value(SourceColumn c) => Q("typed:" + c.Name);

        var trimmed = present.Select(c => $"{(Typed(c) || !trim ? $"s.{Q(c.Name)}" : Trimmed($"s.{Q(c.Name)}"))} as {Raw(c)}").ToList();
        var text = present.Where(c => !Typed(c)).ToList();
        var padded = !trim || text.Count == 0 ? "false" : $"coalesce({string.Join(" or ", text.Select(c => $"{Raw(c)} is distinct from t.{Q(c.Name)}"))}, false)";
        var typing = new List<string>();
        var typed = new List<string>();
        var errors = new List<(string Condition, string Entry)>();
        foreach (var column in source.Columns)
        {
            var raw = Raw(column);
            var convention = conventions.GetValueOrDefault(column.Name) ?? new Convention(true, commaByDefault);
            var (expression, failure) = Typed(column) ? ReaderExpression(column, raw) : Expression(column, raw, convention);
            var value = Value(column);
            typing.Add($"{expression} as {value}");
            typed.Add($"{value} as {Q(column.Name)}");
            var shown = column.Kind == ValueKind.Person ? "null::varchar" : $"left({raw}::varchar, 500)";
            void Error(string condition, string reason) =>
                errors.Add((condition, $"case when {condition} then {{'column_name': {L(column.Name)}, 'value': {shown}, 'reason': {L(reason)}}} end"));

            if (column.NeedsValue) Error($"{raw} is null", $"{column.Name} is required but empty");
            // A date that reads in the other day/month order gets that reason instead of "not a date".
            if (failure is not null)
                Error($"{raw} is not null and {value} is null{(failure.Value.Alternative is { } other ? $" and ({other}) is null" : "")}",
                    failure.Value.Reason(convention));
            if (failure?.Alternative is { } alternative)
                Error($"{raw} is not null and {value} is null and ({alternative}) is not null",
                    $"day and month order differ from the other rows of this column (read as {(convention.DayFirst ? "dd-mm-yyyy" : "mm/dd/yyyy")}); use --locale to choose");
            if (column.Kind is ValueKind.Person or ValueKind.Text or ValueKind.TextList or ValueKind.Choice)
                Error($"length({raw}) > {MaxTextLength}", $"longer than {MaxTextLength} characters: not a value but a damaged row?");
            if (column.MustBeEmail) Error($"{raw} is not null and {raw} not like '%@%'", "not an e-mail address or UPN");
            // A failed formula (or its text in a CSV saved from Excel) is no name, department or tool. A number, date or
            // e-mail column already rejects it as not one. Excel writes them in capitals; a case-blind match (upper())
            // cost 60 ms per million rows of three text columns, this one 20.
            if (column.Kind is ValueKind.Person or ValueKind.Text or ValueKind.TextList && !column.MustBeEmail)
                Error($"list_contains([{string.Join(", ", ExcelErrors.Select(L))}], {raw})", "an Excel error value: the formula behind this cell failed");
            if (column.Min is { } min) Error($"{value} < {Num(min)}", $"must be at least {Num(min)}");
            // The warehouse keeps whole numbers as 32-bit integers: a larger count is named here, with its line and column,
            // instead of failing the whole load on a cast that names neither.
            if ((column.Max ?? (column.Kind == ValueKind.Integer ? int.MaxValue : null)) is { } max)
                Error($"{value} > {Num(max)}", $"must be at most {Num(max)}");
            if (column.NotInFuture) Error($"{value}::date > current_date + 1", "lies in the future");
            if (column.Kind is ValueKind.Date or ValueKind.Timestamp or ValueKind.Month)
                Error($"{value}::date < date '2000-01-01'", "lies before 2000: check the date format");
        }
        // Most rows pass every check: the list of failures is only built for a row where one holds.
        var columnErrors = errors.Count == 0
            ? "list_filter([null], e -> e is not null)"
            : $"case when {string.Join(" or ", errors.Select(e => $"({e.Condition})"))} " +
              $"then list_filter([{string.Join(", ", errors.Select(e => e.Entry))}], e -> e is not null) else [] end";

        // A row's first failure per column is enough for the analyst; mixed-order dates replace the generic message.
        var extra = match.Extra.Select(x => Q(x.Name)).ToList();
        var rawColumns = present.Select(Raw).Concat(extra.Select(Trimmed)).ToList();
        var empty = rawColumns.Count == 0 ? "true" : $"({string.Join(" and ", rawColumns.Select(c => $"{c} is null"))})";
        // A vendor's row facts (Qualtrics' Status) pass through untyped for its row rules; they are never stored.
        var facts = (match.Vendor?.RowFacts.Keys ?? Enumerable.Empty<string>()).Select(f => match.Columns.ContainsKey(f) ? Q(f) : $"null::varchar as {Q(f)}");
        var rowRules = source.RowRules.Concat(match.Vendor?.RowRules ?? Enumerable.Empty<RowRule>()).ToList();
        var rules = rowRules.Select(r =>
            $"case when {r.FailsWhen} then {{'column_name': {L(r.Column)}, 'value': null::varchar, 'reason': {L(r.Reason)}}} end").ToList();

        var records = HasRecordColumn(connection) ? "select * from src" : "select rowid as _rec, * from src";
        var lines = LineNumbers(connection);
        // The fast lane expects every row to pass: a view with one flag per row, which the checks read once and the
        // load then reads without the flag; a table of failure lists would copy a million rows for nothing.
        var fails = string.Join(" or ", errors.Select(e => $"({e.Condition})").Concat(rowRules.Select(r => $"({r.FailsWhen})")).DefaultIfEmpty("false"));
        var (kind, checks, final) = typedByReader
            ? ("view", $"coalesce({fails}, false) as _fails, {padded} as _padded", "select * from p")
            : ("table", $"{columnErrors} as _column_errors",
                $"select * exclude (_column_errors),\n       list_concat(_column_errors, list_filter([{string.Join(", ", rules.DefaultIfEmpty("null"))}], e -> e is not null)) as _errors\nfrom p");
        var sql = $"""
            create or replace temp {kind} typed as
            with s as (
                {(lines is null
                    ? $"select r.*, r._rec + ls.line_offset as _line from ({records}) r asof left join line_shift ls on r._rec >= ls.from_rec"
                    : $"select r.*, {lines} as _line from ({records}) r")}
            ), v as (
                select s.*{string.Concat(trimmed.Select(t => ",\n                       " + t))}
                from s
            ), t as (
                select v.*,
                       {string.Join(",\n                       ", typing)}
                from v
            ), p as (
                select _rec, _line,
                       {string.Join(",\n                       ", typed.Concat(extra).Concat(facts))},
                       {checks},
                       {empty} as _empty
                from t
            )
            {final}
            """;
        connection.Execute(sql);
        return notes;
    }

    /// <summary>
    /// The file line of record <c>r._rec</c> as a CASE over line_shift, or null when the file has too many shifts (records
    /// spanning lines) for one: then an ASOF join, which sorts the whole table and took most of the typing time.
    /// </summary>
    static string? LineNumbers(DuckDBConnection connection)
    {
        const int MaxShifts = 64;
        var shifts = connection.Query<(long FromRec, long Offset)>(
            $"select from_rec, line_offset from line_shift order by from_rec desc limit {MaxShifts + 1}").ToList();
        if (shifts.Count > MaxShifts) return null;
        if (shifts.Count == 0) return "null::bigint";
        return $"case {string.Join(" ", shifts.Select(s => $"when r._rec >= {s.FromRec} then r._rec + {s.Offset}"))} end";
    }

    /// <summary>A vendor's reshaped table says which file record each row came from; a plain load uses rowid.</summary>
    static bool HasRecordColumn(DuckDBConnection connection) => connection.ExecuteScalar<long>(
        "select count(*) from duckdb_columns() where database_name = 'temp' and table_name = 'src' and column_name = '_rec'") > 0;

    readonly record struct Failure(Func<Convention, string> Reason, string? Alternative = null);

    static (string Expression, Failure? Failure) Expression(SourceColumn column, string raw, Convention convention)
    {
        switch (column.Kind)
        {
            case ValueKind.Person:
                // An address as mail programs copy it ("An de Vries <an@example.nl>", "mailto:an@example.nl") is the
                // address: kept whole, it would be a person who never joins the roster or the usage.
                return ($@"case when contains({raw}, '<') or {raw} ilike 'mailto:%' " +
                        $@"then lower(coalesce(nullif(regexp_extract({raw}, '<\s*(?:mailto:)?([^<>\s]+@[^<>\s]+)\s*>', 1), ''), regexp_replace({raw}, '^(?i:mailto:)', ''))) " +
                        $"else lower({raw}) end", null);
            case ValueKind.Text:
                return (raw, null);
            case ValueKind.TextList:
                return ($"list_filter(list_transform(string_split_regex({raw}, '\\s*[|;,+]\\s*'), x -> trim(x)), x -> x <> '')", null);
            case ValueKind.Date:
            case ValueKind.Timestamp:
            {
                var cast = column.Kind == ValueKind.Date ? "::date" : "";
                var expression = $"({DateExpression(raw, convention.DayFirst)}){cast}";
                var alternative = $"({DateExpression(raw, !convention.DayFirst)}){cast}";
                return (expression, new Failure(c => $"not a date (expected yyyy-mm-dd or {(c.DayFirst ? "dd-mm-yyyy" : "mm/dd/yyyy")})", alternative));
            }
            case ValueKind.Month:
                return ($"date_trunc('month', coalesce(try_strptime({raw}, ['%Y-%m', '%Y/%m', '%m-%Y', '%m/%Y', '%Y%m']), {DateExpression(raw, convention.DayFirst)}))::date",
                    new Failure(_ => "not a month (expected yyyy-mm, or a date)"));
            case ValueKind.Decimal:
                return (DecimalExpression(raw, convention.DecimalComma),
                    new Failure(c => $"not a number (read with a decimal {(c.DecimalComma ? "comma" : "point")})"));
            case ValueKind.Integer:
            {
                var d = DecimalExpression(raw, convention.DecimalComma);
                return ($"case when {d} = trunc({d}) then ({d})::bigint end", new Failure(_ => "not a whole number"));
            }
            case ValueKind.Boolean:
                return ($"case when lower({raw}) in ({string.Join(", ", Truthy.Select(L))}) then true when lower({raw}) in ({string.Join(", ", Falsy.Select(L))}) then false end",
                    new Failure(_ => "not a yes/no value (yes/no, ja/nee, true/false, 1/0)"));
            case ValueKind.Choice:
            {
                var whens = string.Join(" ", column.Choices.Select(c => $"when regexp_matches(lower({raw}), {L(c.Pattern)}) then {L(c.Value)}"));
                var fallback = column.Fallback is null ? "null" : L(column.Fallback);
                var expression = $"case when {raw} is null then {(column.Fallback is null ? "null" : L(column.Fallback))} {whens} else {fallback} end";
                var accepted = string.Join(", ", column.Choices.Select(c => c.Value).Distinct());
                return (expression, column.Fallback is null ? new Failure(_ => $"unknown value; expected one of: {accepted}") : null);
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(column));
        }
    }

    /// <summary>A column the reader typed: a date from its timestamp, a whole number from its decimal.</summary>
    static (string Expression, Failure? Failure) ReaderExpression(SourceColumn column, string raw) => column.Kind switch
    {
        ValueKind.Date => ($"{raw}::date", null),
        ValueKind.Integer => ($"case when {raw} = trunc({raw}) then ({raw})::bigint end", new Failure(_ => "not a whole number")),
        _ => (raw, null),
    };

    static string DateExpression(string raw, bool dayFirst)
    {
        var (a, b) = dayFirst ? ("%d", "%m") : ("%m", "%d");
        var formats = new List<string>();
        foreach (var separator in new[] { "-", "/", "." })
            foreach (var year in new[] { "%y", "%Y" }) // %Y also takes "25" as the year 25; %y never takes four digits
                foreach (var time in new[] { "", " %H:%M", " %H:%M:%S" })
                    formats.Add($"{a}{separator}{b}{separator}{year}{time}");
        // DuckDB's own cast reads ISO dates, but also takes '13-01-25' for the year 13: only a four-digit year goes there.
        return $"coalesce(case when regexp_matches({raw}, '^\\d{{4}}') then try_cast({raw} as timestamp) end, try_strptime({raw}, [{string.Join(", ", formats.Select(L))}]))";
    }

    /// <summary>
    /// A number in the column's convention. The other separator may only group thousands (three digits each):
    /// with a decimal comma, a stray "1.5" is no number, where dropping the point would read it as 15.
    /// </summary>
    static string DecimalExpression(string raw, bool comma)
    {
        var cleaned = $"regexp_replace({raw}, '[€%\\s]', '', 'g')";
        return comma
            ? $@"case when regexp_full_match({cleaned}, '[+-]?(\d+|\d{{1,3}}(\.\d{{3}})+)?(,\d+)?') then try_cast(replace(replace({cleaned}, '.', ''), ',', '.') as decimal(18, 4)) end"
            : $@"case when regexp_full_match({cleaned}, '[+-]?(\d+|\d{{1,3}}(,\d{{3}})+)?(\.\d+)?') then try_cast(replace({cleaned}, ',', '') as decimal(18, 4)) end";
    }

    /// <summary>
    /// Per date and number column: day-first or month-first, decimal comma or point. A date column whose values read
    /// either way follows the file's other date columns (one export writes all its dates alike), else day first,
    /// with a note for the summary.
    /// </summary>
    static (Dictionary<string, Convention>, List<string>) DecideConventions(DuckDBConnection connection, List<SourceColumn> present,
        string locale, bool commaByDefault, Func<string, string> header)
    {
        var forced = Locales.Find(locale);
        var result = new Dictionary<string, Convention>();
        var notes = new List<string>();
        var dated = present.Where(c => c.Kind is ValueKind.Date or ValueKind.Timestamp or ValueKind.Month).ToList();
        var numeric = present.Where(c => c.Kind is ValueKind.Decimal or ValueKind.Integer).ToList();
        if (forced is not null)
        {
            foreach (var c in dated.Concat(numeric)) result[c.Name] = new Convention(forced.DayFirst, forced.DecimalComma);
            return (result, notes);
        }
        if (dated.Count + numeric.Count == 0) return (result, notes);

        // Each value's evidence is computed once in the inner select, and only for a value that can hold any: a date
        // with a separator in the second or third place (not an ISO date), a number with a comma or a point.
        var evidence = new List<string>();
        var measures = new List<string>();
        foreach (var c in dated)
        {
            var t = $"trim(src.{Q(c.Name)})";
            var separator = $"regexp_extract({t}, '^\\d{{1,2}}([-/.])', 1)";
            var parts = $"list_append(string_split(regexp_extract({t}, '^(\\d{{1,2}}[-/.]\\d{{1,2}})[-/.]\\d{{2,4}}', 1), {separator}), {separator})";
            evidence.Add($"case when contains('-/.', substr({t}, 2, 1)) or contains('-/.', substr({t}, 3, 1)) then {parts} end as {Q(c.Name)}");
            measures.Add($"count(*) filter (where try_cast({Q(c.Name)}[1] as int) > 12) as {Q(c.Name + "__day_first")}");
            measures.Add($"count(*) filter (where try_cast({Q(c.Name)}[2] as int) > 12) as {Q(c.Name + "__month_first")}");
            measures.Add($"min({Q(c.Name)}[1] || {Q(c.Name)}[3] || {Q(c.Name)}[2]) filter (where try_cast({Q(c.Name)}[1] as int) <> try_cast({Q(c.Name)}[2] as int) and {Q(c.Name)}[3] <> '.') as {Q(c.Name + "__either_way")}");
        }
        foreach (var c in numeric)
        {
            var v = $"src.{Q(c.Name)}";
            evidence.Add($"case when contains({v}, ',') or contains({v}, '.') then regexp_replace(trim({v}), '[€%\\s]', '', 'g') end as {Q(c.Name)}");
            measures.Add($"count(*) filter (where regexp_full_match({Q(c.Name)}, '[+-]?\\d*,\\d+|[+-]?\\d{{1,3}}(\\.\\d{{3}})+(,\\d+)?')) as {Q(c.Name + "__comma")}");
            measures.Add($"count(*) filter (where regexp_full_match({Q(c.Name)}, '[+-]?\\d*\\.\\d+|[+-]?\\d{{1,3}}(,\\d{{3}})+(\\.\\d+)?')) as {Q(c.Name + "__point")}");
        }
        var row = (IDictionary<string, object>)connection.QuerySingle(
            $"select {string.Join(", ", measures)} from (select {string.Join(", ", evidence)} from src)");
        long Count(string key) => Convert.ToInt64(row[key], CultureInfo.InvariantCulture);

        // Dutch and German exports write day first; only evidence of the contrary switches. A ';' file comes from
        // European Excel: there a value that only reads month first is a typo, rejected alone, not a reason to read
        // every other date of the column the other way.
        var order = dated.ToDictionary(c => c.Name, c => (DayFirst: Count(c.Name + "__day_first"), MonthFirst: Count(c.Name + "__month_first")));
        var fileMonthFirst = order.Values.Any(e => e.MonthFirst > 0 && e.DayFirst == 0) && !order.Values.Any(e => e.DayFirst > 0);
        foreach (var c in dated)
        {
            var (dayFirst, monthFirst) = order[c.Name];
            var isDayFirst = commaByDefault || (dayFirst + monthFirst > 0 ? !(monthFirst > 0 && dayFirst == 0) : !fileMonthFirst);
            result[c.Name] = new Convention(isDayFirst, commaByDefault);
            // Worth a note only where month first is plausible: not for dots (German) nor in a ';' file (European Excel).
            if (dayFirst + monthFirst == 0 && isDayFirst && !commaByDefault && row[c.Name + "__either_way"] is string example)
                notes.Add($"Dates in '{header(c.Name)}' read either way ('{example}…' could be day or month first): read day first. " +
                          "If the export writes the month first, undo this import and import it again with the dates set to American (the upload's options; aci: --locale en-US).");
        }
        foreach (var c in numeric)
        {
            long comma = Count(c.Name + "__comma"), point = Count(c.Name + "__point");
            var isComma = comma > point || (comma == point && commaByDefault);
            result[c.Name] = new Convention(true, isComma);
        }
        return (result, notes);
    }

    internal static string Q(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";

    internal static string L(string text) => "'" + text.Replace("'", "''") + "'";

    static string Num(decimal d) => d.ToString(CultureInfo.InvariantCulture);
}

/// <summary>The conventions behind --locale: date order and decimal separator.</summary>
public sealed record Locales(string Name, bool DayFirst, bool DecimalComma)
{
    public static readonly IReadOnlyList<Locales> All =
    [
        new("nl", true, true), new("nl-NL", true, true), new("de", true, true), new("de-DE", true, true),
        new("en-GB", true, false), new("en-US", false, false), new("us", false, false), new("iso", true, false),
    ];

    /// <summary>The forced conventions, or null for auto-detection.</summary>
    public static Locales? Find(string? name) =>
        string.IsNullOrWhiteSpace(name) || name.Equals("auto", StringComparison.OrdinalIgnoreCase)
            ? null
            : All.FirstOrDefault(l => l.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
              ?? throw new ArgumentException($"unknown locale '{name}'; use auto, {string.Join(", ", All.Select(l => l.Name))}");
}
