namespace AiChangeInsights.Warehouse.Ingest.Survey;

/// <summary>
/// Answer codes instead of answer texts. LimeSurvey's "answer codes" export writes an option as its code (AO01..AO05
/// since LimeSurvey 4, A1..A5 before; the number is the option's place on the scale) and Qualtrics' numeric export a
/// choice as its recode (1, 2, …). A question answered so reads each code as its number; a department given so is not
/// a department's name: its responses count in 'All' until the analyst maps the codes (survey_department_map).
/// </summary>
public static class AnswerCodes
{
    /// <summary>A code of a scale option: one to three letters and its number (AO01, A5); <see cref="ScaleColumn"/> caps the number.</summary>
    const string ScalePattern = "[A-Za-z]{1,3}[0-9]{1,3}";

    /// <summary>A department as a code: a number (Qualtrics' recode) or letters and a number (LimeSurvey's AO01).</summary>
    const string DepartmentPattern = "[A-Za-z]{0,3}[0-9]{1,4}";

    /// <summary>The number of a code: AO01 is 1, A10 is 10.</summary>
    public static string Number(string text) => $"try_cast(regexp_extract(trim({text}), '[0-9]+$') as integer)";

    /// <summary>
    /// Aggregates over a question column's non-empty answers (<paramref name="text"/>): whether every one is a code of
    /// one prefix numbered 0..10, and how the lowest and the highest read ("AO01 = 1"). IDs and other coded columns are
    /// not scales: their numbers run past 10 or their prefixes differ.
    /// </summary>
    public static string ScaleColumn(string text) => $"""
        coalesce(bool_and(regexp_full_match(trim({text}), '{ScalePattern}')), false)
            and count(distinct regexp_extract(trim({text}), '^[A-Za-z]+')) = 1
            and max({Number(text)}) <= 10,
        arg_min(trim({text}), {Number(text)}) || ' = ' || min({Number(text)}),
        arg_max(trim({text}), {Number(text)}) || ' = ' || max({Number(text)})
        """;

    /// <summary>
    /// Notes on the departments of the rows just read (temp table survey_rows): codes that no roster department is
    /// named and that the analyst has not mapped for this survey, and codes counted through a remembered mapping.
    /// </summary>
    public static IEnumerable<string> DepartmentNotes(LoadContext context)
    {
        var (unmapped, examples, mapped) = context.Query<(long, string?, long)>($"""
            with coded as (
                select s.department, m.department as mapped_to
                from survey_rows s
                left join survey_department_map m on m.survey = s.survey and m.value = s.department
                where not s.repeated and regexp_full_match(trim(s.department), '{DepartmentPattern}')
                  and s.department not in (select department from dim_department)
            )
            select count(*) filter (where mapped_to is null),
                   array_to_string(list_sort(list_distinct(list(department) filter (where mapped_to is null)))[1:4], ', '),
                   count(*) filter (where mapped_to is not null)
            from coded
            """).Single();
        if (unmapped > 0)
            yield return $"{unmapped} response(s) give their department as a code ({examples}), which is no department of the roster: " +
                         "they count in All only until the codes are mapped to departments on the survey's mapping page (Imports > Survey mapping).";
        if (mapped > 0)
            yield return $"{mapped} response(s) count in their department through this survey's mapping of department codes.";
    }
}
