namespace AiChangeInsights.Warehouse.Ingest.Training;

/// <summary>LMS completions: one row per person x course enrolment; an empty completed_at means not (yet) completed.</summary>
public sealed class TrainingImporter : Source
{
    public override string Name => "training";
    public override IReadOnlyList<string> OtherNames => ["lms", "opleiding", "trainingen"];
    public override IReadOnlyList<string> RawTables => ["raw_training"];

    public override IReadOnlyList<SourceColumn> Columns { get; } =
    [
        new("user", ValueKind.Person, [.. SourceColumn.MailAliases, "gebruiker", "medewerker", "deelnemer", "learner", "student", "upn", "username"])
            { Required = true },
        new("course", ValueKind.Text, "cursus", "training", "module", "opleiding", "course_name", "cursusnaam", "course_title")
            { Required = true },
        new("level", ValueKind.Choice, "niveau", "course_level")
        {
            Choices =
            [
                ("expert|specialist|^3$", "expert"),
                ("advanced|gevorderd|intermediate|gemiddeld|^2$", "advanced"),
                ("basic|basis|beginner|starter|introductie|intro|^1$", "basic"),
            ],
        },
        new("enrolled_at", ValueKind.Date, "ingeschreven", "inschrijfdatum", "enrolment_date", "enrollment_date", "start_date", "startdatum", "enrolled"),
        new("completed_at", ValueKind.Date, "afgerond", "afgerond_op", "voltooid", "voltooid_op", "completion_date", "datum_afgerond",
            "completed", "date_completed") { Required = true, ValueRequired = false, NotInFuture = true },
        new("score", ValueKind.Decimal, "cijfer", "grade", "resultaat", "punten", "points") { Min = 0, Max = 1000 },
        new("passed", ValueKind.Boolean, "geslaagd", "behaald", "certified", "gecertificeerd", "certificaat"),
    ];

    public override LoadResult Load(LoadContext context)
    {
        context.Execute("""
            create or replace temp table training_rows as
            select v._line, r.person_id, v.course, v.level, v.enrolled_at, v.completed_at, v.score, v.passed,
                   row_number() over (partition by r.person_id, lower(v.course), v.enrolled_at, v.completed_at order by v._rec) > 1 as repeated,
                   exists (select 1 from raw_training t
                           where t.person_id = r.person_id and lower(t.course) = lower(v.course)
                             and t.enrolled_at is not distinct from v.enrolled_at and t.completed_at is not distinct from v.completed_at) as seen
            from valid v join person_ref r on r.identifier = v."user"
            """);
        context.Execute($"""
            insert into raw_training
            select {context.ImportId}, _line, person_id, course, level, enrolled_at, completed_at, score, passed
            from training_rows where not repeated
            """);
        return new LoadResult(
            context.Scalar<long>("select count(*) from training_rows where not repeated and not seen"),
            context.Scalar<long>("select count(*) from training_rows where repeated or seen"), []);
    }
}
