using AiChangeInsights.Warehouse.Sql;
using Dapper;

namespace AiChangeInsights.Warehouse.Ingest.Survey;

/// <summary>
/// The construct each survey question measures, as the analyst confirmed it (or as keywords proposed it until
/// then). Remembered per survey and question text, so the next wave of the same survey needs no mapping.
/// </summary>
public sealed class SurveyMapping(Warehouse warehouse)
{
    public sealed record Question(string Survey, string Text, string Construct, bool ReverseKeyed, string MappedBy, DateTime MappedAt, long Answers);

    public sealed record Change(string Text, string Construct, bool ReverseKeyed);

    public IReadOnlyList<Question> Questions(string survey) => warehouse.Read(c => c.Query<Question>("""
        select q.survey, q.question as Text, q.construct, q.reverse_keyed as ReverseKeyed, q.mapped_by as MappedBy, q.mapped_at as MappedAt,
               (select count(*) from raw_survey_answer a where a.survey = q.survey and a.question = q.question) as Answers
        from survey_question q where q.survey = $survey order by q.mapped_at, q.question
        """, new { survey }).ToList());

    /// <summary>Surveys with questions still mapped by keywords only, waiting for an analyst.</summary>
    public IReadOnlyList<(string Survey, long Unconfirmed)> Unconfirmed() => warehouse.Read(c => c.Query<(string, long)>("""
        select survey, count(*) from survey_question where mapped_by = 'keywords' group by survey order by survey
        """).ToList());

    public IReadOnlyList<string> Surveys() => warehouse.Read(c => c.Query<string>("select distinct survey from survey_question order by 1").ToList());

    public IReadOnlyList<string> Constructs() => warehouse.Read(c => c.Query<string>("select construct from dim_construct order by construct").ToList());

    /// <summary>Stores the analyst's mapping and refreshes every mart that reads it: all waves follow at once.</summary>
    public int Confirm(string survey, IReadOnlyList<Change> changes, string analyst) => warehouse.Write(connection =>
    {
        var known = connection.Query<string>("select construct from dim_construct").Append(QuestionMapping.Unmapped).ToHashSet();
        foreach (var change in changes.Where(c => !known.Contains(c.Construct)))
            throw new ArgumentException($"Unknown construct '{change.Construct}' for '{change.Text}'.");
        using var transaction = connection.BeginTransaction();
        var updated = changes.Sum(change => connection.Execute("""
            update survey_question set construct = $construct, reverse_keyed = $reverse, mapped_by = $analyst, mapped_at = now()
            where survey = $survey and question = $text
            """, new { survey, text = change.Text, construct = change.Construct, reverse = change.ReverseKeyed, analyst }, transaction));
        SqlCatalog.Embedded.RefreshMarts(connection, transaction, ["survey_question"]);
        transaction.Commit();
        return updated;
    });
}
