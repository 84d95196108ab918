using AiChangeInsights.Warehouse.Sql;
using Dapper;

namespace AiChangeInsights.Warehouse.Ingest.Survey;

/// <summary>
/// The department values of a survey that name no roster department (answer codes such as AO01 or 2, or a name the
/// roster spells otherwise) and the analyst's mapping of each to a roster department, remembered per survey in
/// survey_department_map. Unmapped, such responses count in 'All' only; mapped, in their department, for the waves
/// already loaded and for later ones (fct_survey_response applies the mapping on every refresh).
/// </summary>
public sealed class SurveyDepartments(Warehouse warehouse)
{
    /// <summary>A value as exported, its responses, and the roster department it is mapped to (if any).</summary>
    public sealed record Value(string Text, long Responses, string? MappedTo, string? MappedBy, DateTime? MappedAt);

    public sealed record Change(string Value, string? Department);

    /// <summary>The survey's values that are no roster department, and those the analyst mapped.</summary>
    public IReadOnlyList<Value> Values(string survey) => warehouse.Read(c => c.Query<Value>("""
        select value as Text, responses, mapped_to as MappedTo, mapped_by as MappedBy, mapped_at as MappedAt
        from survey_department_value where survey = $survey order by value
        """, new { survey }).ToList());

    public IReadOnlyList<string> RosterDepartments() =>
        warehouse.Read(c => c.Query<string>("select department from dim_department order by department").ToList());

    /// <summary>
    /// Stores the analyst's mapping (a null or empty department forgets it) and refreshes the marts. Refused whole when a
    /// value is not one of the survey's or a department is not the roster's. Returns the changes, for the audit log.
    /// </summary>
    public IReadOnlyList<string> Map(string survey, IReadOnlyList<Change> changes, string analyst)
    {
        var values = Values(survey).ToDictionary(v => v.Text);
        var departments = RosterDepartments().ToHashSet();
        foreach (var change in changes)
        {
            if (!values.ContainsKey(change.Value))
                throw new SurveyEditRefusedException($"{survey} has no department value '{change.Value}' to map; reload the page.",
                    $"{survey} heeft geen afdelingswaarde '{change.Value}' om te koppelen; laad de pagina opnieuw.");
            if (!string.IsNullOrEmpty(change.Department) && !departments.Contains(change.Department))
                throw new SurveyEditRefusedException($"'{change.Department}' is no department of the roster: map '{change.Value}' to one of the roster's departments.",
                    $"'{change.Department}' is geen afdeling van de personeelslijst: koppel '{change.Value}' aan een afdeling van de personeelslijst.");
        }
        var changed = changes
            .Where(c => (string.IsNullOrEmpty(c.Department) ? null : c.Department) != values[c.Value].MappedTo)
            .Select(c => new Change(c.Value, string.IsNullOrEmpty(c.Department) ? null : c.Department)).ToList();
        if (changed.Count == 0) return [];
        return warehouse.Write(connection =>
        {
            using var transaction = connection.BeginTransaction();
            foreach (var change in changed)
            {
                connection.Execute("delete from survey_department_map where survey = $survey and value = $value",
                    new { survey, value = change.Value }, transaction);
                if (change.Department is not null)
                    connection.Execute("insert into survey_department_map values ($survey, $value, $department, $analyst, now())",
                        new { survey, value = change.Value, department = change.Department, analyst }, transaction);
            }
            SqlCatalog.Embedded.RefreshMarts(connection, transaction, ["survey_department_map"]);
            transaction.Commit();
            return changed.Select(c => $"'{c.Value}' → {c.Department ?? "(All only)"}").ToList();
        });
    }
}
