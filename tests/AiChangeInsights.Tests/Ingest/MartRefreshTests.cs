using AiChangeInsights.Warehouse.Ingest;

namespace AiChangeInsights.Tests.Ingest;

/// <summary>
/// An import rebuilds the marts that read what it changed, and what reads those only when their rows really changed.
/// A month's log of known people moves dim_organisation.last_usage_date, which dim_person reads, yet leaves dim_person
/// as it was: the survey marts behind it are not made again (at 50,000 people they alone needed more memory than a
/// million usage rows).
/// </summary>
public sealed class MartRefreshTests : IDisposable
{
    readonly TestWarehouse test = new();

    public void Dispose() => test.Dispose();

    [Fact]
    public void A_mart_is_made_again_only_when_something_it_reads_changed_its_rows()
    {
        Load("roster.csv", "email,department\nan@example.nl,Verkoop\nbo@example.nl,Productie\n");
        // The first usage sets the organisation's go-live, which dim_person shows: everything behind it changes once.
        Load("usage-jan.csv", "date,user,tool\n2025-01-06,an@example.nl,Copilot\n2025-01-07,bo@example.nl,Copilot\n");
        var afterJanuary = BuiltAt();

        // Known people again: the usage marts change, dim_person is made again but holds the same rows.
        Load("usage-feb.csv", "date,user,tool\n2025-02-03,an@example.nl,Copilot\n");
        var afterKnown = BuiltAt();
        afterKnown["fct_usage_monthly"].ShouldBeGreaterThan(afterJanuary["fct_usage_monthly"]);
        afterKnown["dim_person"].ShouldBeGreaterThan(afterJanuary["dim_person"]);
        afterKnown["fct_survey_response"].ShouldBe(afterJanuary["fct_survey_response"]);
        afterKnown["fct_survey_answer"].ShouldBe(afterJanuary["fct_survey_answer"]);

        // cy is in no roster: dim_person gains a row, so fct_survey_response (which reads it) is made again; without
        // any survey its rows stay the same (none), so fct_survey_answer behind it is not.
        Load("usage-mar.csv", "date,user,tool\n2025-03-03,cy@example.nl,Copilot\n");
        var afterNew = BuiltAt();
        test.Scalar<long>("select count(*) from dim_person").ShouldBe(3); // an, bo from the roster, cy from usage only
        afterNew["fct_survey_response"].ShouldBeGreaterThan(afterKnown["fct_survey_response"]);
        afterNew["fct_survey_answer"].ShouldBe(afterKnown["fct_survey_answer"]);
        test.Scalar<long>("select count(distinct person_id) from fct_usage_monthly where month = date '2025-03-01'").ShouldBe(1);
    }

    void Load(string name, string content) => test.Import(test.File(name, content)).Status.ShouldBe(ImportSummary.Loaded);

    Dictionary<string, DateTime> BuiltAt() =>
        test.Query<(string Name, DateTime BuiltAt)>("select name, built_at from derived_object").ToDictionary(r => r.Name, r => r.BuiltAt);
}
