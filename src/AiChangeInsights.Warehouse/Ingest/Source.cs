using System.Data;
using AiChangeInsights.Warehouse.Ingest.Files;
using Dapper;
using DuckDB.NET.Data;

namespace AiChangeInsights.Warehouse.Ingest;

/// <summary>How a cell is read. Parsing lives in SQL (see <see cref="ColumnTyping"/>), so a million rows never pass through C#.</summary>
public enum ValueKind { Person, Text, TextList, Date, Timestamp, Month, Decimal, Integer, Boolean, Choice }

/// <summary>
/// One column of a source template: its canonical name, the header spellings accepted (English, Dutch, vendor),
/// and the rules a value must meet. Aliases are compared after <see cref="Headers.Normalise"/>.
/// </summary>
public sealed record SourceColumn(string Name, ValueKind Kind, params string[] Aliases)
{
    /// <summary>The header must have this column.</summary>
    public bool Required { get; init; }

    /// <summary>Every row must have a value (defaults to <see cref="Required"/>).</summary>
    public bool? ValueRequired { get; init; }

    public decimal? Min { get; init; }
    public decimal? Max { get; init; }
    public bool NotInFuture { get; init; }

    /// <summary>Person columns that must hold an e-mail address or UPN (the roster's key).</summary>
    public bool MustBeEmail { get; init; }

    /// <summary>
    /// For a person column that names another identity of the row's person (a GitHub login, an employee number, …): its
    /// kind (<see cref="Privacy.Pseudonymiser.AliasKinds"/>). Its values become alias keys of the person, never people.
    /// </summary>
    public string? AliasKind { get; init; }

    /// <summary>The person column this one is the person's key for when that one is empty (an account without a mailbox: its UPN).</summary>
    public string? StandsInFor { get; init; }

    /// <summary>For <see cref="ValueKind.Choice"/>: regular expressions over the lower-cased value, first match wins.</summary>
    public IReadOnlyList<(string Pattern, string Value)> Choices { get; init; } = [];

    /// <summary>For <see cref="ValueKind.Choice"/>: the value when no pattern matches; without it an unknown value is rejected.</summary>
    public string? Fallback { get; init; }

    public bool NeedsValue => ValueRequired ?? Required;

    public IEnumerable<string> Spellings => Aliases.Prepend(Name);

    /// <summary>
    /// An e-mail column's header as exports in English, Dutch, German and French write it. Every person column accepts
    /// them all: an "E-mailadres" file joined the roster but was nobody in the training or survey template. Of two,
    /// the work address wins (<see cref="Headers"/>): a payroll export also holds the private one, under the plain name.
    /// </summary>
    public static readonly string[] MailAliases =
    [
        "email", "e_mail", "email_address", "e_mail_address", "e_mailadres", "emailadres", "e_mail_adres", "mail", "mailadres",
        "e_mail_adresse", "adresse_e_mail", "adresse_mail", "courriel", "work_email", "werk_e_mail", "e_mail_werk", "email_werk",
        "werk_email", "werk_e_mailadres", "e_mailadres_werk", "zakelijk_e_mail", "e_mail_zakelijk", "zakelijk_e_mailadres",
        "e_mailadres_zakelijk", "zakelijke_e_mail", "business_email", "user_email",
    ];
}

/// <summary>A rule over several columns of a row, as a SQL condition on the typed columns that is true when the row fails.</summary>
public sealed record RowRule(string FailsWhen, string Column, string Reason);

public sealed record LoadResult(long Loaded, long Duplicates, IReadOnlyList<string> Notes);

/// <summary>
/// One kind of export an analyst uploads (roster, usage, training, …): its template columns and how valid rows
/// land in its raw table. The generic steps (reading, typing, rejecting, pseudonymising, history) are shared.
/// </summary>
public abstract class Source
{
    public abstract string Name { get; }

    /// <summary>Other names accepted by --source (Dutch, singular).</summary>
    public virtual IReadOnlyList<string> OtherNames => [];

    public abstract IReadOnlyList<SourceColumn> Columns { get; }

    /// <summary>
    /// Raw tables this source writes, the one holding the file's rows first: undo deletes from them (and counts the
    /// first's rows), marts reading them are rebuilt.
    /// </summary>
    public abstract IReadOnlyList<string> RawTables { get; }

    public virtual IReadOnlyList<RowRule> RowRules => [];

    /// <summary>Whether a header outside the template is kept as an extra column (survey questions, maturity items).</summary>
    public virtual bool KeepsExtraColumn(string normalisedHeader) => false;

    /// <summary>Extra columns this source needs at least one of (a survey without questions is not a survey).</summary>
    public virtual int MinimumExtraColumns => 0;

    /// <summary>
    /// Why a file whose header has this source's columns is still not this source (the field and the reason), or null;
    /// <paramref name="rows"/> are the first records below the header. Asked only when the source was recognised, not
    /// chosen by the analyst.
    /// </summary>
    public virtual (int Field, string Reason)? NotThisSource(HeaderMatch match, IReadOnlyList<HeadRecord> rows) => null;

    /// <summary>
    /// Inserts the rows of the temp table <c>valid</c> (typed columns, <c>_rec</c>, <c>_line</c>) into the raw
    /// tables, inside the import's transaction. Person columns join through the temp table <c>person_ref</c>.
    /// </summary>
    public abstract LoadResult Load(LoadContext context);

    public string TemplateSummary => string.Join(", ", Columns.Where(c => c.Required).Select(c => c.Name));
}

/// <summary>What a source's <see cref="Source.Load"/> works with: the open transaction and the import's facts.</summary>
public sealed class LoadContext(DuckDBConnection connection, IDbTransaction transaction, long importId, ImportRequest request,
    string fileName, IReadOnlyList<ExtraColumn> extraColumns)
{
    public long ImportId { get; } = importId;
    public ImportRequest Request { get; } = request;
    public string FileName { get; } = fileName;

    /// <summary>Kept columns outside the template: their name in <c>src</c>/<c>valid</c> and their header text.</summary>
    public IReadOnlyList<ExtraColumn> ExtraColumns { get; } = extraColumns;

    public int Execute(string sql, object? parameters = null) => connection.Execute(sql, parameters, transaction);

    public T Scalar<T>(string sql, object? parameters = null) => connection.ExecuteScalar<T>(sql, parameters, transaction)!;

    public IEnumerable<T> Query<T>(string sql, object? parameters = null) => connection.Query<T>(sql, parameters, transaction);

    public DuckDBConnection Connection => connection;
}

public sealed record ExtraColumn(string Name, string Header, int Field);
