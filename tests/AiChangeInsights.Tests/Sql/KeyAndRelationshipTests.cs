namespace AiChangeInsights.Tests.Sql;

/// <summary>Data tests on the star schema with the demo organisation loaded: every grain holds, every key resolves.</summary>
[Collection("demo")]
public sealed class KeyAndRelationshipTests(DemoWarehouse demo)
{
    public static TheoryData<string, string> Grains => new()
    {
        { "person", "person_id" },
        { "dim_person", "person_id" },
        { "person_identity", "person_id" },
        { "fct_target_group_month", "person_id, month" },
        { "dim_department", "department" },
        { "dim_tool", "tool" },
        { "dim_course", "course" },
        { "dim_date", "date_day" },
        { "fct_usage_daily", "person_id, usage_date, tool, feature" },
        { "fct_usage_monthly", "person_id, month, tool" },
        { "agg_usage_department_monthly", "month, department, tool" },
        { "fct_training", "person_id, lower(course), enrolled_at, completed_at" },
        { "fct_survey_response", "survey, response_id" },
        { "fct_survey_answer", "survey, response_id, question" },
        { "fct_business_metric", "month, department, metric" },
        { "fct_maturity_assessment", "department, assessed_at" },
        { "fct_idea", "submitted_at, lower(title)" },
        { "survey_question", "survey, question" },
        { "survey_wave", "survey, wave" },
        { "kpi_monthly", "dimension, kpi, month, department, tool" },
    };

    [Theory]
    [MemberData(nameof(Grains))]
    public void Each_table_has_one_row_per_key_of_its_grain(string table, string key)
    {
        demo.Test.Scalar<long>($"select count(*) from {table}").ShouldBeGreaterThan(0, table);
        demo.Test.Scalar<long>($"select count(*) from (select {key} from {table} group by all having count(*) > 1)").ShouldBe(0, $"{table} ({key})");
    }

    public static TheoryData<string, string> Relationships => new()
    {
        { "usage person in dim_person", "select count(*) from fct_usage_daily where person_id not in (select person_id from dim_person)" },
        { "every person has an identity", "select count(*) from person p anti join person_identity i using (person_id)" },
        { "an identity resolves to a person of dim_person", "select count(*) from person_identity where resolved_person_id not in (select person_id from dim_person)" },
        { "survey respondent in dim_person", "select count(*) from fct_survey_response where person_id is not null and person_id not in (select person_id from dim_person)" },
        { "usage date in dim_date", "select count(*) from fct_usage_daily where usage_date not in (select date_day from dim_date)" },
        { "training person in dim_person", "select count(*) from fct_training where person_id not in (select person_id from dim_person)" },
        { "activity participant in dim_person", "select count(*) from fct_activity_participation where person_id is not null and person_id not in (select person_id from dim_person)" },
        { "activity type in dim_activity_type", "select count(*) from fct_activity_participation where activity_type not in (select activity_type from dim_activity_type)" },
        { "activity department in dim_department", "select count(*) from fct_activity_participation where department not in (select department from dim_department)" },
        { "answer response in fct_survey_response", "select count(*) from fct_survey_answer a anti join fct_survey_response r using (survey, response_id)" },
        { "response in exactly one wave", """
            select count(*) from stg_survey__response r
            where (select count(*) from survey_wave w where w.survey = r.survey and r.submitted_at between w.first_response_at and w.last_response_at) <> 1
            """ },
        { "answer construct in dim_construct", "select count(*) from fct_survey_answer where construct <> 'unmapped' and construct not in (select construct from dim_construct)" },
        { "survey department in dim_department", "select count(*) from fct_survey_response where department not in (select department from dim_department)" },
        { "metric department in dim_department", "select count(*) from fct_business_metric where department not in (select department from dim_department)" },
        { "ticket department in dim_department", "select count(*) from fct_support_ticket where department not in (select department from dim_department)" },
        { "maturity stage in dim_maturity_stage", "select count(*) from fct_maturity_assessment where stage not in (select stage from dim_maturity_stage)" },
        { "maturity department in dim_department", "select count(*) from fct_maturity_assessment where department not in (select department from dim_department)" },
        { "idea departments in dim_department", "select count(*) from (select unnest(departments) as d from fct_idea) where d not in (select department from dim_department)" },
        { "roster person in person", "select count(*) from raw_roster where person_id not in (select person_id from person)" },
        { "every raw row has its import", "select count(*) from raw_usage where import_id not in (select import_id from import_history where status = 'loaded')" },
    };

    [Theory]
    [MemberData(nameof(Relationships))]
    public void Every_reference_resolves(string relationship, string violations) =>
        demo.Test.Scalar<long>(violations).ShouldBe(0, relationship);
}
