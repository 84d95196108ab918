using AiChangeInsights.Warehouse.Ingest.Survey;
using static AiChangeInsights.Tests.Sql.Kpi.SurveyFixture;

namespace AiChangeInsights.Tests.Sql;

/// <summary>
/// survey_wave: a survey's waves as the tool ran them (runs of responses without a gap of more than
/// survey_wave_gap_days, dated by their first response's month), with the analyst's splits and merges; and the survey
/// views that follow it. Expected numbers worked out by hand.
/// </summary>
public sealed class SurveyWaveTests : IDisposable
{
    readonly TestWarehouse test = new();

    public void Dispose() => test.Dispose();

    /// <summary>A recommend question per response: (when, answer 0-10), all in Verkoop.</summary>
    void Pulse(string fileName, params (string SubmittedAt, int Recommend)[] responses) =>
        Import(test, fileName, $"response_id,submitted_at,department,\"{Recommend}\"\n" + string.Concat(
            responses.Select((r, i) => $"{Path.GetFileNameWithoutExtension(fileName)}-{i + 1},{r.SubmittedAt},Verkoop,{r.Recommend}\n")));

    /// <summary>The pulse of the issue: open from 24 September to 8 October.</summary>
    void AutumnPulse() => Pulse("pulse.csv",
        ("2025-09-24 09:00", 9), ("2025-09-24 10:00", 10), ("2025-09-24 11:00", 6),
        ("2025-09-26 09:00", 8), ("2025-09-26 10:00", 9),
        ("2025-09-30 16:00", 3),
        ("2025-10-02 09:00", 10), ("2025-10-02 10:00", 7),
        ("2025-10-08 09:00", 9), ("2025-10-08 10:00", 5));

    List<(DateTime Wave, DateTime First, DateTime Last, long Responses, long Runs)> Waves(string survey = "Pulse") =>
        test.Query<(DateTime, DateTime, DateTime, long, long)>("""
            select wave, first_response_at, last_response_at, responses, runs from survey_wave where survey = $survey order by wave
            """, new { survey });

    List<(DateTime Wave, long? N, double? Nps)> Nps() => test.Query<(DateTime, long?, double?)>("""
        select wave, n, round(value, 2) from survey_results where construct = 'recommend' and department = 'All' order by wave
        """);

    [Fact]
    public void A_pulse_from_24_September_to_8_October_is_one_wave_dated_September_with_the_surveys_own_NPS()
    {
        Roster(test, "Verkoop");
        AutumnPulse();

        // Gaps between response dates: 2, 4, 2 and 6 days, none more than 21: one run, one wave.
        Waves().ShouldBe([(new DateTime(2025, 9, 1), new DateTime(2025, 9, 24, 9, 0, 0), new DateTime(2025, 10, 8, 10, 0, 0), 10L, 1L)]);
        // 10 answers: promoters (9-10) 9, 10, 9, 10, 9 = 5; detractors (0-6) 6, 3, 5 = 3; NPS (5 - 3) / 10 x 100 = 20.
        // By completion month it was September (6: 3 - 2 -> 16.67) and October (4, below the minimum of 5: hidden).
        Nps().ShouldBe([(new DateTime(2025, 9, 1), 10L, 20.0)]);
        // The quarter follows the wave: October's answers count in 2025Q3, and 2025Q4 has no survey cell.
        test.Query<(string Quarter, long? N)>("""
            select quarter, n from acceptance_trends_anonymised where construct = 'recommend' and department = 'All'
            """).ShouldBe([("2025Q3", 10L)]);
        test.Query<(DateTime Month, double? Value)>("""
            select month, round(value, 2) from kpi_monthly where kpi = 'nps' and department = 'All'
            """).ShouldBe([(new DateTime(2025, 9, 1), 20.0)]);
    }

    [Fact]
    public void More_days_than_the_gap_between_two_response_dates_start_a_new_wave_and_the_gap_is_a_setting()
    {
        Roster(test, "Verkoop");
        // 3 March 09:00 to 24 March 17:00 is 21 days by date (more than 21 x 24 hours): same wave. 24 March to 15 April
        // is 22 days: a new wave, dated April.
        Pulse("pulse.csv", ("2025-03-03 09:00", 9), ("2025-03-24 17:00", 8), ("2025-04-15 08:00", 7), ("2025-04-16 08:00", 6));

        Waves().ShouldBe([
            (new DateTime(2025, 3, 1), new DateTime(2025, 3, 3, 9, 0, 0), new DateTime(2025, 3, 24, 17, 0, 0), 2L, 1L),
            (new DateTime(2025, 4, 1), new DateTime(2025, 4, 15, 8, 0, 0), new DateTime(2025, 4, 16, 8, 0, 0), 2L, 1L),
        ]);

        Setting(test, "survey_wave_gap_days", "22");
        Waves().ShouldBe([(new DateTime(2025, 3, 1), new DateTime(2025, 3, 3, 9, 0, 0), new DateTime(2025, 4, 16, 8, 0, 0), 4L, 1L)]);
        test.Query<DateTime>("select distinct wave from fct_survey_response").ShouldBe([new DateTime(2025, 3, 1)]);

        // At 20 days, 24 March begins a second run; it begins in March too, so March stays one wave of two runs.
        Setting(test, "survey_wave_gap_days", "20");
        Waves().Select(w => (w.Wave, w.Responses, w.Runs)).ShouldBe([(new DateTime(2025, 3, 1), 2L, 2L), (new DateTime(2025, 4, 1), 2L, 1L)]);
    }

    [Fact]
    public void Runs_that_begin_in_the_same_month_are_one_wave_because_a_wave_is_dated_by_its_month()
    {
        Roster(test, "Verkoop");
        // 2 to 29 September is 27 days (a second run), but it begins in September too; 30 September to 25 October is
        // 25 days: October's run is a wave of its own.
        Pulse("pulse.csv", ("2025-09-01 09:00", 9), ("2025-09-02 09:00", 8), ("2025-09-29 09:00", 7), ("2025-09-30 09:00", 6),
            ("2025-10-25 09:00", 10));

        Waves().ShouldBe([
            (new DateTime(2025, 9, 1), new DateTime(2025, 9, 1, 9, 0, 0), new DateTime(2025, 9, 30, 9, 0, 0), 4L, 2L),
            (new DateTime(2025, 10, 1), new DateTime(2025, 10, 25, 9, 0, 0), new DateTime(2025, 10, 25, 9, 0, 0), 1L, 1L),
        ]);
    }

    [Fact]
    public void A_split_and_a_merge_are_applied_replace_each_other_on_one_gap_and_survive_the_next_waves_import()
    {
        Setting(test, "min_group_size", "3");
        Roster(test, "Verkoop");
        AutumnPulse();
        var waves = new SurveyWaves(test.Warehouse);

        waves.Split("Pulse", 1, new DateOnly(2025, 10, 1), "analyst");

        Waves().Select(w => (w.Wave, w.Responses)).ShouldBe([(new DateTime(2025, 9, 1), 6L), (new DateTime(2025, 10, 1), 4L)]);
        // September 9, 10, 6, 8, 9, 3: promoters 3, detractors 2 -> (3 - 2) / 6 x 100 = 16.67.
        // October 10, 7, 9, 5: promoters 2, detractors 1 -> (2 - 1) / 4 x 100 = 25.
        Nps().ShouldBe([(new DateTime(2025, 9, 1), 6L, 16.67), (new DateTime(2025, 10, 1), 4L, 25.0)]);

        // The next wave, imported later: the split still holds.
        Pulse("pulse_december.csv", ("2025-12-01 09:00", 10), ("2025-12-02 09:00", 10), ("2025-12-03 09:00", 4));
        Waves().Select(w => (w.Wave, w.Responses)).ShouldBe([
            (new DateTime(2025, 9, 1), 6L), (new DateTime(2025, 10, 1), 4L), (new DateTime(2025, 12, 1), 3L)]);

        // Merging October back replaces the split on that gap (30 September 16:00 to 2 October 09:00).
        waves.Merge("Pulse", 2, "analyst");
        Waves().Select(w => (w.Wave, w.Responses)).ShouldBe([(new DateTime(2025, 9, 1), 10L), (new DateTime(2025, 12, 1), 3L)]);
        test.Query<(DateTime StartsAt, string Kind)>("select starts_at, kind from survey_wave_edit")
            .ShouldBe([(new DateTime(2025, 10, 2, 9, 0, 0), "merge")]);

        // Merging December into September: 10 + 3 = 13 responses, promoters 5 + 2 = 7, detractors 3 + 1 = 4 -> 3 / 13 = 23.08.
        waves.Merge("Pulse", 2, "analyst");
        Nps().ShouldBe([(new DateTime(2025, 9, 1), 13L, 23.08)]);

        // Forgetting that merge: the gap of 54 days separates the waves again.
        waves.Remove("Pulse", new DateTime(2025, 12, 1, 9, 0, 0));
        Waves().Select(w => (w.Wave, w.Responses)).ShouldBe([(new DateTime(2025, 9, 1), 10L), (new DateTime(2025, 12, 1), 3L)]);
    }

    [Fact]
    public void A_split_that_cannot_be_applied_is_refused_with_its_reason_and_changes_nothing()
    {
        Roster(test, "Verkoop");
        AutumnPulse();
        var waves = new SurveyWaves(test.Warehouse);

        // Both parts would begin in September.
        Should.Throw<SurveyEditRefusedException>(() => waves.Split("Pulse", 1, new DateOnly(2025, 9, 28), "analyst")).Message
            .ShouldBe("Both parts would begin in 2025-09, and a wave is dated by the month of its first response: two waves of one survey " +
                      "cannot begin in the same month. Split on a day in a later month (the first response after 2025-09-28 is on 2025-09-30).");
        // No response before the first day or after the last.
        Should.Throw<SurveyEditRefusedException>(() => waves.Split("Pulse", 1, new DateOnly(2025, 9, 24), "analyst")).Message
            .ShouldStartWith("Wave 2025-09 runs from 2025-09-24 to 2025-10-08: a split day must come after its first day and no later than its last");
        Should.Throw<SurveyEditRefusedException>(() => waves.Split("Pulse", 1, new DateOnly(2025, 10, 9), "analyst"));
        Should.Throw<SurveyEditRefusedException>(() => waves.Merge("Pulse", 1, "analyst")).Message.ShouldContain("no wave before it");
        Should.Throw<SurveyEditRefusedException>(() => waves.Split("Pulse", 2, new DateOnly(2025, 10, 1), "analyst")).Message
            .ShouldContain("Pulse has no wave 2");

        test.Scalar<long>("select count(*) from survey_wave_edit").ShouldBe(0);
        Waves().Count.ShouldBe(1);
    }
}
