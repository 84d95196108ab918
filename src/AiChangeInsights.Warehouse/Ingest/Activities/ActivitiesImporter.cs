namespace AiChangeInsights.Warehouse.Ingest.Activities;

/// <summary>
/// Change-management activities from calendars and attendance lists: one row per participant, or one row per
/// activity with a participant count (a newsletter reaches a department, nobody signs in).
/// </summary>
public sealed class ActivitiesImporter : Source
{
    public override string Name => "activities";
    public override IReadOnlyList<string> OtherNames => ["activity", "activiteiten", "change_activities"];
    public override IReadOnlyList<string> RawTables => ["raw_activity"];

    public override IReadOnlyList<SourceColumn> Columns { get; } =
    [
        new("date", ValueKind.Date, "datum", "activity_date", "datum_activiteit", "start", "startdatum", "event_date", "start_date")
            { Required = true },
        new("type", ValueKind.Choice, "soort", "activity_type", "activiteit", "type_activiteit", "format", "vorm", "kind", "soort_activiteit")
        {
            Required = true,
            Choices =
            [
                ("champion|ambassadeur", "champion_meetup"),
                ("co.?creat", "co_creation"),
                ("breakfast|ontbijt|lunch|brown.?bag", "ai_breakfast"),
                ("experience|ervaringsdag|hackathon|ai.?dag|ai.?day", "experience_day"),
                ("office.?hours|spreekuur|inloopuur", "office_hours"),
                ("^qa|q.?&.?a|q.?and.?a|vragenuur|vragensessie|ask.?me.?anything", "qa_session"),
                ("buddy|maatje|peer", "buddy"),
                ("demo", "demo"),
                ("workshop", "workshop"),
                ("training|cursus|course|opleiding|e.?learning|webinar", "training"),
                ("communic|nieuwsbrief|newsletter|intranet|mail|announcement|aankondiging|town.?hall", "communication"),
            ],
        },
        new("title", ValueKind.Text, "titel", "onderwerp", "subject", "naam_activiteit", "activity_name", "event", "activity") { Required = true },
        new("phase", ValueKind.Integer, "fase") { Min = 1, Max = 4 },
        new("department", ValueKind.Text, "afdeling", "team", "dept"),
        new("participant", ValueKind.Person, [.. SourceColumn.MailAliases, "deelnemer", "attendee", "user", "medewerker", "participant_email"]),
        new("participants_count", ValueKind.Integer, "participants", "aantal_deelnemers", "deelnemers_aantal", "attendees", "number_of_participants",
            "bereik", "reach") { Min = 0 },
        new("hours", ValueKind.Decimal, "uren", "duration_hours", "duur_uren", "duur", "duration") { Min = 0, Max = 200 },
    ];

    public override IReadOnlyList<RowRule> RowRules { get; } =
    [
        new("participant is null and participants_count is null", "participant", "a row needs a participant or a participants_count"),
    ];

    public override LoadResult Load(LoadContext context)
    {
        context.Execute("""
            create or replace temp table activity_rows as
            select v._line, v."date" as activity_date, v."type" as activity_type, v.title, coalesce(v.phase, t.typical_phase) as phase,
                   v.department, r.person_id, v.participants_count, v.hours,
                   row_number() over (partition by v."date", v."type", lower(v.title), v.department, r.person_id, v.participants_count
                                      order by v._rec) > 1 as repeated,
                   exists (select 1 from raw_activity a
                           where a.activity_date = v."date" and a.activity_type = v."type" and lower(a.title) = lower(v.title)
                             and a.department is not distinct from v.department and a.person_id is not distinct from r.person_id
                             and a.participants_count is not distinct from v.participants_count) as seen
            from valid v
            left join person_ref r on r.identifier = v.participant
            left join dim_activity_type t on t.activity_type = v."type"
            """);
        context.Execute($"""
            insert into raw_activity
            select {context.ImportId}, _line, activity_date, activity_type, title, phase, department, person_id, participants_count, hours
            from activity_rows where not repeated
            """);
        return new LoadResult(
            context.Scalar<long>("select count(*) from activity_rows where not repeated and not seen"),
            context.Scalar<long>("select count(*) from activity_rows where repeated or seen"), []);
    }
}
