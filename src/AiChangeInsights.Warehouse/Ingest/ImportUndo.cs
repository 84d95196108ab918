using AiChangeInsights.Warehouse.Sql;
using Dapper;

namespace AiChangeInsights.Warehouse.Ingest;

/// <summary>
/// Undoes a loaded import: exactly its rows leave the raw tables (rows that other imports also delivered come back
/// into view from those imports), people first seen in it and found nowhere else leave the person registry, and
/// question mappings it proposed by keywords alone go with its answers. A roster's identities and leavers go with its rows,
/// so rows of other tools that joined through them are unknown again. The history row stays, marked undone.
/// </summary>
public sealed class ImportUndo(Warehouse warehouse)
{
    static readonly string[] TablesNamingPeople = ["raw_roster", "raw_usage", "raw_training", "raw_survey_response", "raw_activity"];

    public sealed record Result(long ImportId, string Source, long RowsRemoved);

    /// <summary>
    /// A usage key this import counted is counted next by the earliest other import that delivered it (each import
    /// holds a key once), as if this import had never been.
    /// </summary>
    const string CountNextUsage = """
        update raw_usage u
        set counted = true
        from (
            select o.person_id, o.usage_date, o.tool, o.feature, min(o.import_id) as import_id
            from raw_usage o
            semi join (select * from raw_usage where import_id = $importId and counted) mine using (person_id, usage_date, tool, feature)
            where o.import_id <> $importId
            group by o.person_id, o.usage_date, o.tool, o.feature
        ) n
        where u.import_id = n.import_id and u.person_id = n.person_id and u.usage_date = n.usage_date
          and u.tool = n.tool and u.feature = n.feature
        """;

    public Result Undo(long importId, string actor) => warehouse.Write(connection =>
    {
        var import = connection.QuerySingleOrDefault<(string Status, string? Source, string File)?>(
            "select status, source, file_name from import_history where import_id = $importId", new { importId })
            ?? throw new ArgumentException($"There is no import #{importId}.");
        if (import.Status != ImportSummary.Loaded || import.Source is null)
            throw new InvalidOperationException($"Import #{importId} ({import.File}) is {import.Status}; only a loaded import can be undone.");
        var source = SourceCatalog.Find(import.Source);

        using var transaction = connection.BeginTransaction();
        long removed = 0;
        if (source.RawTables.Contains("raw_usage"))
            connection.Execute(CountNextUsage, new { importId }, transaction);
        // The first raw table holds the file's rows; the others (a survey's answers, a log's windows) describe them.
        foreach (var table in source.RawTables.Where(t => t.StartsWith("raw_", StringComparison.Ordinal)))
        {
            var deleted = connection.Execute($"delete from {table} where import_id = $importId", new { importId }, transaction);
            if (table == source.RawTables[0]) removed = deleted;
        }
        if (source.RawTables.Contains("survey_question"))
            connection.Execute("""
                delete from survey_question q
                where mapped_by = 'keywords'
                  and not exists (select 1 from raw_survey_answer a where a.survey = q.survey and a.question = q.question)
                """, transaction: transaction);
        connection.Execute($"""
            delete from person
            where first_import_id = $importId
              and person_id not in ({string.Join(" union all ", TablesNamingPeople.Select(t => $"select person_id from {t} where person_id is not null"))})
            """, new { importId }, transaction);
        // A person's identities stay while the person does; an identity kind only this import suggested stays with them
        // (it joins only where a roster gives someone that very value as that kind).
        connection.Execute("delete from person_alias_candidate where person_id not in (select person_id from person)", transaction: transaction);
        connection.Execute("update import_history set status = 'undone', undone_at = now(), undone_by = $actor where import_id = $importId",
            new { importId, actor }, transaction);
        SqlCatalog.Embedded.RefreshMarts(connection, transaction, [.. source.RawTables, .. Importer.PersonTables]);
        transaction.Commit();
        return new Result(importId, source.Name, removed);
    });
}
