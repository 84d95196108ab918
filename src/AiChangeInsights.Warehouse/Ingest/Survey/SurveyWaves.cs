using System.Globalization;
using AiChangeInsights.Warehouse.Sql;
using Dapper;

namespace AiChangeInsights.Warehouse.Ingest.Survey;

/// <summary>
/// A survey's waves as the wave rule found them (survey_wave) and the analyst's splits and merges, remembered per survey
/// in survey_wave_edit. An edit names the moment a wave starts, not a wave number, so it keeps its meaning when a later
/// import brings the next wave. Every edit refreshes the marts: all views follow at once.
/// </summary>
public sealed class SurveyWaves(Warehouse warehouse)
{
    public sealed record Wave(int WaveNumber, DateOnly Month, DateTime FirstResponseAt, DateTime LastResponseAt, long Responses, int Runs);

    public sealed record Edit(DateTime StartsAt, string Kind, string EditedBy, DateTime EditedAt);

    public IReadOnlyList<Wave> Waves(string survey) => warehouse.Read(c => c.Query<Wave>("""
        select wave_number::integer as WaveNumber, wave as Month, first_response_at as FirstResponseAt,
               last_response_at as LastResponseAt, responses, runs::integer as Runs
        from survey_wave where survey = $survey order by wave_number
        """, new { survey }).ToList());

    public IReadOnlyList<Edit> Edits(string survey) => warehouse.Read(c => c.Query<Edit>("""
        select starts_at as StartsAt, kind, edited_by as EditedBy, edited_at as EditedAt
        from survey_wave_edit where survey = $survey order by starts_at
        """, new { survey }).ToList());

    /// <summary>The setting survey_wave_gap_days as the marts read it.</summary>
    public int GapDays() => warehouse.Read(c => c.ExecuteScalar<int>("select survey_wave_gap_days from dim_organisation"));

    /// <summary>
    /// Starts a new wave with the first response on or after <paramref name="day"/>, inside wave <paramref name="waveNumber"/>.
    /// Refused when no response of the wave falls on either side, or when both parts would begin in the same month (a wave
    /// is dated by that month, so they would be one wave again). Returns what the audit log should say.
    /// </summary>
    public string Split(string survey, int waveNumber, DateOnly day, string analyst)
    {
        var wave = Find(survey, waveNumber);
        var startsAt = day.ToDateTime(TimeOnly.MinValue);
        if (startsAt <= wave.FirstResponseAt.Date || startsAt > wave.LastResponseAt)
            throw new SurveyEditRefusedException(
                $"Wave {Month(wave.Month)} runs from {Day(wave.FirstResponseAt)} to {Day(wave.LastResponseAt)}: a split day must come after " +
                "its first day and no later than its last, so that responses fall on both sides.",
                $"Meting {Month(wave.Month)} loopt van {Day(wave.FirstResponseAt)} tot {Day(wave.LastResponseAt)}: een splitsdag ligt na de " +
                "eerste dag en uiterlijk op de laatste, zodat er aan beide kanten antwoorden zijn.");
        var next = warehouse.Read(c => c.ExecuteScalar<DateTime>(
            "select min(submitted_at) from stg_survey__response where survey = $survey and submitted_at >= $startsAt", new { survey, startsAt }));
        if (next.Year == wave.Month.Year && next.Month == wave.Month.Month)
            throw new SurveyEditRefusedException(
                $"Both parts would begin in {Month(wave.Month)}, and a wave is dated by the month of its first response: two waves of one survey " +
                $"cannot begin in the same month. Split on a day in a later month (the first response after {Day(startsAt)} is on {Day(next)}).",
                $"Beide delen zouden in {Month(wave.Month)} beginnen, en een meting draagt de maand van haar eerste antwoord: twee metingen van " +
                $"één enquête kunnen niet in dezelfde maand beginnen. Splits op een dag in een latere maand (het eerste antwoord na {Day(startsAt)} is op {Day(next)}).");
        Store(survey, startsAt, "split", analyst);
        return $"{survey}: wave {Month(wave.Month)} ({Day(wave.FirstResponseAt)} to {Day(wave.LastResponseAt)}) split: a new wave starts on {Day(startsAt)}";
    }

    /// <summary>Makes wave <paramref name="waveNumber"/> one with the wave before it. Returns what the audit log should say.</summary>
    public string Merge(string survey, int waveNumber, string analyst)
    {
        var wave = Find(survey, waveNumber);
        if (waveNumber == 1)
            throw new SurveyEditRefusedException(
                $"Wave {Month(wave.Month)} is the survey's first: there is no wave before it to merge with.",
                $"Meting {Month(wave.Month)} is de eerste van de enquête: er is geen eerdere meting om mee samen te voegen.");
        var previous = Find(survey, waveNumber - 1);
        Store(survey, wave.FirstResponseAt, "merge", analyst);
        return $"{survey}: wave {Month(wave.Month)} ({Day(wave.FirstResponseAt)} to {Day(wave.LastResponseAt)}) merged into wave {Month(previous.Month)}";
    }

    /// <summary>Forgets one split or merge: the wave rule decides that gap again. Returns what the audit log should say.</summary>
    public string Remove(string survey, DateTime startsAt) => warehouse.Write(connection =>
    {
        using var transaction = connection.BeginTransaction();
        var kind = connection.ExecuteScalar<string?>("delete from survey_wave_edit where survey = $survey and starts_at = $startsAt returning kind",
            new { survey, startsAt }, transaction);
        if (kind is null)
            throw new SurveyEditRefusedException($"There is no split or merge of {survey} at {Moment(startsAt)}.",
                $"Er is geen splitsing of samenvoeging van {survey} op {Moment(startsAt)}.");
        SqlCatalog.Embedded.RefreshMarts(connection, transaction, ["survey_wave_edit"]);
        transaction.Commit();
        return $"{survey}: the {kind} at {Moment(startsAt)} removed; the wave rule decides that gap again";
    });

    Wave Find(string survey, int waveNumber) => Waves(survey).FirstOrDefault(w => w.WaveNumber == waveNumber)
        ?? throw new SurveyEditRefusedException($"{survey} has no wave {waveNumber}; reload the page to see its waves.",
            $"{survey} heeft geen meting {waveNumber}; laad de pagina opnieuw om de metingen te zien.");

    /// <summary>
    /// Stores an edit at <paramref name="startsAt"/>. An earlier edit on the same gap (between the survey's last response
    /// before that moment and its first at or after it) is replaced: one decision per gap, the latest.
    /// </summary>
    void Store(string survey, DateTime startsAt, string kind, string analyst) => warehouse.Write(connection =>
    {
        using var transaction = connection.BeginTransaction();
        connection.Execute("""
            delete from survey_wave_edit e
            where e.survey = $survey
              and e.starts_at > coalesce((select max(submitted_at) from stg_survey__response where survey = $survey and submitted_at < $startsAt), '-infinity'::timestamp)
              and e.starts_at <= coalesce((select min(submitted_at) from stg_survey__response where survey = $survey and submitted_at >= $startsAt), 'infinity'::timestamp);
            insert into survey_wave_edit values ($survey, $startsAt, $kind, $analyst, now());
            """, new { survey, startsAt, kind, analyst }, transaction);
        SqlCatalog.Embedded.RefreshMarts(connection, transaction, ["survey_wave_edit"]);
        transaction.Commit();
        return 0;
    });

    static string Month(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    static string Day(DateTime moment) => moment.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    static string Moment(DateTime moment) => moment.ToString(moment.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}

/// <summary>An analyst's edit of a survey that cannot be applied, with the reason in English and Dutch.</summary>
public sealed class SurveyEditRefusedException(string english, string dutch) : ArgumentException(english)
{
    public string Dutch { get; } = dutch;
}
