using System.Data;
using AiChangeInsights.Warehouse.Privacy;
using Dapper;
using DuckDB.NET.Data;

namespace AiChangeInsights.Warehouse.Ingest;

/// <summary>
/// Who an import's rows are. Every identifier in a person column gets its person key (a roster's e-mail, else its UPN)
/// and the alias keys it may also be; a roster's identity columns give its people alias keys. The mart
/// <c>person_identity</c> joins the two, so the import's summary can say, once the marts are rebuilt, how its rows
/// joined the roster. Identifiers exist only in this connection's temp tables (memory, never the database file).
/// </summary>
internal static class PersonIdentities
{
    /// <summary>
    /// Fills the temp tables <c>pseudonym</c> (identifier, person_key) for the person columns that name a person,
    /// <c>pseudonym_candidate</c> (identifier, kind, alias_key, declared) for each identity kind such an identifier may be
    /// (declared: the export's column says so), and
    /// <c>alias_value</c> (kind, value, alias_key) for the values of identity columns (a roster's GitHub login, …).
    /// </summary>
    public static void Pseudonymise(DuckDBConnection connection, Pseudonymiser pseudonymiser, Source source, HeaderMatch match)
    {
        connection.Execute("""
            create or replace temp table pseudonym (identifier varchar, person_key varchar);
            create or replace temp table pseudonym_candidate (identifier varchar, kind varchar, alias_key varchar, declared boolean);
            create or replace temp table alias_value (kind varchar, value varchar, alias_key varchar);
            """);
        var persons = source.Columns.Where(c => c.Kind == ValueKind.Person && match.Has(c.Name)).ToList();
        var keys = persons.Where(c => c.AliasKind is null).Select(c => persons.FirstOrDefault(s => s.StandsInFor == c.Name) is { } standIn
            ? $"coalesce({ColumnTyping.Q(c.Name)}, {ColumnTyping.Q(standIn.Name)})"
            : ColumnTyping.Q(c.Name)).ToList();
        if (keys.Count > 0)
        {
            var union = string.Join(" union ", keys.Select(k => $"select {k} as identifier from valid"));
            var identifiers = connection.Query<string>($"select distinct identifier from ({union}) where identifier is not null").ToList();
            var kinds = match.Vendor?.PersonKinds;
            using (var appender = connection.CreateAppender("temp", "main", "pseudonym"))
                foreach (var identifier in identifiers)
                    appender.CreateRow().AppendValue(identifier).AppendValue(pseudonymiser.PersonKey(identifier)).EndRow();
            // A source that names identities (the roster) is where they are defined: its people are themselves, and a
            // value of theirs seen in another source gets its candidates there.
            if (persons.Any(c => c.AliasKind is not null)) identifiers = [];
            using (var appender = connection.CreateAppender("temp", "main", "pseudonym_candidate"))
                foreach (var identifier in identifiers)
                    foreach (var kind in kinds ?? KindsOf(identifier))
                        appender.CreateRow().AppendValue(identifier).AppendValue(kind).AppendValue(pseudonymiser.AliasKey(kind, identifier))
                            .AppendValue(kinds is not null).EndRow();
        }
        foreach (var column in persons.Where(c => c.AliasKind is not null))
        {
            var values = connection.Query<string>($"select distinct {ColumnTyping.Q(column.Name)} from valid where {ColumnTyping.Q(column.Name)} is not null").ToList();
            using var appender = connection.CreateAppender("temp", "main", "alias_value");
            foreach (var value in values)
                appender.CreateRow().AppendValue(column.AliasKind).AppendValue(value).AppendValue(pseudonymiser.AliasKey(column.AliasKind!, value)).EndRow();
        }
    }

    /// <summary>
    /// What a value of a person column may be when its column does not say: an address or UPN when it has '@', else a
    /// login (GitHub) or an employee number. The roster decides which, if any, by its columns of those kinds.
    /// </summary>
    static IReadOnlyList<string> KindsOf(string identifier) => identifier.Contains('@')
        ? [Pseudonymiser.Email, Pseudonymiser.Upn]
        : [Pseudonymiser.GitHub, Pseudonymiser.EmployeeId];

    /// <summary>
    /// Inside the import's transaction: new person keys join the registry, <c>person_ref</c> (identifier, person_id) is
    /// what a source's Load joins, and each person gets the alias keys of kinds they did not have yet. A kind an export
    /// declares stays declared: a value once seen in a GitHub login column is a login, wherever else it turns up.
    /// </summary>
    public static void Register(DuckDBConnection connection, IDbTransaction transaction, long importId) => connection.Execute($"""
        insert into person
        select nextval('person_id_seq'), n.person_key, {importId}
        from (select distinct person_key from pseudonym where person_key not in (select person_key from person) order by person_key) n;
        create or replace temp table person_ref as
        select ps.identifier, p.person_id from pseudonym ps join person p using (person_key);
        create or replace temp table person_candidate as
        select r.person_id, c.kind, any_value(c.alias_key) as alias_key, bool_or(c.declared) as declared
        from pseudonym_candidate c join person_ref r using (identifier)
        group by r.person_id, c.kind;
        update person_alias_candidate a set declared = true
        from person_candidate c
        where c.declared and not a.declared and a.person_id = c.person_id and a.kind = c.kind;
        insert into person_alias_candidate
        select c.person_id, c.kind, c.alias_key, c.declared, {importId}
        from person_candidate c
        where not exists (select 1 from person_alias_candidate a where a.person_id = c.person_id and a.kind = c.kind);
        drop table person_candidate;
        """, transaction: transaction);

    /// <summary>Raw tables whose rows name a person, with what one row counts as (a usage row sums its file rows).</summary>
    static readonly IReadOnlyDictionary<string, string> PersonRows = new Dictionary<string, string>
    {
        ["raw_usage"] = "case when counted then events else 0 end",
        ["raw_training"] = "1",
        ["raw_survey_response"] = "1",
        ["raw_activity"] = "1",
    };

    static readonly IReadOnlyDictionary<string, string> JoinedBy = new Dictionary<string, string>
    {
        ["email"] = "by e-mail",
        ["upn"] = "by UPN",
        ["other_email"] = "by another e-mail address",
        ["employee_id"] = "by employee number",
        ["github"] = "by GitHub login",
    };

    /// <summary>
    /// After the marts are rebuilt: how the import's rows joined the roster (by which identity, how many stayed
    /// unknown, how many match two roster people and joined neither); for a roster, which rows of other imports join it
    /// through its identity columns, and identities it gives to two people.
    /// </summary>
    public static IReadOnlyList<string> Notes(DuckDBConnection connection, IDbTransaction transaction, long importId, Source source)
    {
        if (source.RawTables.Contains("raw_roster")) return RosterNotes(connection, transaction, importId);
        var tables = source.RawTables.Where(PersonRows.ContainsKey).ToList();
        if (tables.Count == 0) return [];
        var rows = string.Join(" union all ", tables.Select(t => $"select person_id, {PersonRows[t]} as n from {t} where import_id = {importId} and person_id is not null"));
        // Summed per person first: a million usage rows come down to their few thousand people before the join.
        var found = connection.Query<(string How, long Rows, long People)>($"""
            select case when i.matched_by is not null then i.matched_by when i.ambiguous then 'ambiguous' else 'unknown' end,
                   sum(r.n)::bigint, count(*)
            from (select person_id, sum(n) as n from ({rows}) group by person_id) r join person_identity i using (person_id)
            group by all
            """, transaction: transaction).ToDictionary(f => f.How);
        var notes = new List<string>();
        var joined = JoinedBy.Keys.Where(found.ContainsKey).Select(k => $"{found[k].Rows} {JoinedBy[k]}").ToList();
        if (joined.Count > 0) notes.Add($"Rows joined to the roster: {string.Join(", ", joined)}.");
        if (found.TryGetValue("ambiguous", out var two))
            notes.Add($"{two.People} user(s) ({two.Rows} rows) match two people of the roster by different identities (say, one's GitHub " +
                      "login is another's employee number): they join neither until the roster tells them apart.");
        if (found.TryGetValue("unknown", out var unknown))
            notes.Add($"{unknown.People} user(s) are not in any roster yet ({unknown.Rows} rows): their rows count once a roster names them, " +
                      "by e-mail or one of its identity columns (UPN, employee number, GitHub login, another address).");
        return notes;
    }

    static IReadOnlyList<string> RosterNotes(DuckDBConnection connection, IDbTransaction transaction, long importId)
    {
        var notes = new List<string>();
        var rows = string.Join(" union all ", PersonRows.Select(t => $"select person_id, {t.Value} as n from {t.Key} where person_id is not null"));
        // Only the pseudonyms that are this roster's people's identities: the facts' rows are looked up for those alone.
        var through = connection.Query<(string How, long Rows)>($"""
            with joined as (
                select person_id, matched_by from person_identity
                where person_id <> resolved_person_id and resolved_person_id in (select person_id from raw_roster where import_id = {importId})
            )
            select j.matched_by, sum(r.n)::bigint
            from ({rows}) r
            join joined j using (person_id)
            group by all
            """, transaction: transaction).ToDictionary(t => t.How, t => t.Rows);
        if (through.Count > 0)
            notes.Add($"Through its identity columns, {through.Values.Sum()} rows of other imports join this roster: " +
                      $"{string.Join(", ", JoinedBy.Keys.Where(through.ContainsKey).Select(k => $"{through[k]} {JoinedBy[k]}"))}.");
        var shared = connection.Query<(string Kind, string Lines)>($"""
            with shared as (select kind, alias_key from stg_roster__alias group by all having count(distinct person_id) > 1)
            select s.kind, string_agg(r.line::varchar, ', ' order by r.line)
            from shared s
            join stg_roster__alias a using (kind, alias_key)
            join raw_roster r on r.person_id = a.person_id and r.import_id = {importId}
            group by s.kind, s.alias_key
            order by min(r.line)
            """, transaction: transaction).ToList();
        if (shared.Count > 0)
            notes.Add($"{shared.Count} identit(ies) belong to two or more people and join none of them; first: the {Singular[shared[0].Kind]} " +
                      $"on line(s) {shared[0].Lines}{(shared[0].Lines.Contains(',') ? "" : " (and in an earlier roster)")}.");
        var ambiguous = connection.ExecuteScalar<long>("select count(*) from person_identity where ambiguous", transaction: transaction);
        if (ambiguous > 0)
            notes.Add($"{ambiguous} user(s) of other imports match two people of the roster by different identities (say, one's GitHub " +
                      "login is another's employee number): they join neither until the roster tells them apart.");
        return notes;
    }

    static readonly IReadOnlyDictionary<string, string> Singular = new Dictionary<string, string>
    {
        [Pseudonymiser.Upn] = "UPN",
        [Pseudonymiser.Email] = "other e-mail address",
        [Pseudonymiser.EmployeeId] = "employee number",
        [Pseudonymiser.GitHub] = "GitHub login",
    };
}
