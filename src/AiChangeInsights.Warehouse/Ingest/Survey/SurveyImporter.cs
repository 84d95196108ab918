using System.Globalization;
using System.Text.RegularExpressions;
using AiChangeInsights.Warehouse.Ingest.Files;

namespace AiChangeInsights.Warehouse.Ingest.Survey;

/// <summary>
/// Survey exports: one row per response, one column per question. Questions are mapped to constructs (remembered
/// per survey in survey_question; keyword defaults until an analyst confirms). Answers may be numbers, Likert labels
/// or answer codes (<see cref="AnswerCodes"/>); an answer off its scale is rejected alone, the response stays. Free-text
/// columns are not stored. A response needs neither a person nor a department: an anonymous one counts in 'All'.
/// </summary>
public sealed partial class SurveyImporter : Source
{
    static readonly IReadOnlySet<string> FileNameNoise = new HashSet<string>
    {
        "survey", "export", "responses", "antwoorden", "resultaten", "results", "wave", "golf", "data", "csv", "xlsx",
    };

    static readonly (string Label, int Score)[] LikertLabels =
    [
        ("helemaal oneens", 1), ("zeer oneens", 1), ("strongly disagree", 1), ("stimme überhaupt nicht zu", 1), ("trifft überhaupt nicht zu", 1),
        ("oneens", 2), ("mee oneens", 2), ("disagree", 2), ("stimme nicht zu", 2), ("trifft nicht zu", 2),
        ("neutraal", 3), ("neutral", 3), ("neither agree nor disagree", 3), ("niet eens, niet oneens", 3), ("teils/teils", 3),
        ("eens", 4), ("mee eens", 4), ("agree", 4), ("stimme zu", 4), ("trifft zu", 4),
        ("helemaal eens", 5), ("helemaal mee eens", 5), ("zeer eens", 5), ("strongly agree", 5), ("stimme voll zu", 5), ("trifft voll zu", 5),
        // The other wordings of Dutch and German agreement scales (Forms' and LimeSurvey's Dutch ones among them).
        ("helemaal mee oneens", 1), ("helemaal niet mee eens", 1), ("zeer mee oneens", 1), ("niet mee eens", 2),
        ("noch eens, noch oneens", 3), ("niet mee eens, niet mee oneens", 3), ("zeer mee eens", 5),
        ("stimme gar nicht zu", 1), ("trifft gar nicht zu", 1), ("stimme eher nicht zu", 2), ("trifft eher nicht zu", 2),
        ("weder noch", 3), ("teils, teils", 3), ("stimme eher zu", 4), ("trifft eher zu", 4),
        ("stimme voll und ganz zu", 5), ("trifft voll und ganz zu", 5),
        // French (Belgian and Swiss teams); a typographic apostrophe is read as a straight one.
        ("pas du tout d'accord", 1), ("pas d'accord", 2), ("plutôt pas d'accord", 2), ("ni d'accord ni pas d'accord", 3), ("neutre", 3),
        ("plutôt d'accord", 4), ("d'accord", 4), ("tout à fait d'accord", 5),
        // Qualtrics' default agreement scale words the middle steps "somewhat".
        ("somewhat disagree", 2), ("somewhat agree", 4),
        // Satisfaction scales (Qualtrics: extremely/somewhat, SurveyMonkey: very).
        ("extremely dissatisfied", 1), ("very dissatisfied", 1), ("zeer ontevreden", 1), ("sehr unzufrieden", 1),
        ("somewhat dissatisfied", 2), ("dissatisfied", 2), ("ontevreden", 2), ("unzufrieden", 2),
        ("neither satisfied nor dissatisfied", 3), ("niet tevreden, niet ontevreden", 3),
        ("somewhat satisfied", 4), ("satisfied", 4), ("tevreden", 4), ("zufrieden", 4),
        ("extremely satisfied", 5), ("very satisfied", 5), ("zeer tevreden", 5), ("sehr zufrieden", 5),
    ];

    /// <summary>Whether a value is an agreement or satisfaction label of a 5- or 7-point scale ("Mee eens", "Somewhat agree").</summary>
    public static bool IsAgreementLabel(string value)
    {
        var label = value.Trim().ToLowerInvariant().Replace('’', '\'');
        return LikertLabels.Any(l => l.Label == label) || SevenPointLabels.Any(l => l.Label == label);
    }

    public override string Name => "survey";
    public override IReadOnlyList<string> OtherNames => ["enquete", "vragenlijst", "peiling"];
    public override IReadOnlyList<string> RawTables => ["raw_survey_response", "raw_survey_answer", "survey_question"];
    public override int MinimumExtraColumns => 1;

    public override IReadOnlyList<SourceColumn> Columns { get; } =
    [
        new("response_id", ValueKind.Text, "responseid", "respondent_id", "respondentid", "id", "antwoord_id", "reactie_id", "response")
            { Required = true },
        new("submitted_at", ValueKind.Timestamp, "submitted", "ingediend", "ingediend_op", "completion_time", "voltooiingstijd", "end_date",
            "enddate", "einddatum", "date_submitted", "recorded_date", "recordeddate", "datum", "date") { Required = true, NotInFuture = true },
        new("user", ValueKind.Person, [.. SourceColumn.MailAliases, "respondent_email", "upn", "gebruiker"]),
        new("department", ValueKind.Text, "afdeling", "team", "dept", "abteilung"),
        new("survey", ValueKind.Text, "enquete", "vragenlijst", "survey_name", "peiling", "survey_title"),
    ];

    public override bool KeepsExtraColumn(string normalisedHeader) => true;

    /// <summary>
    /// Without a person or a department column, a response ID, a date and some text is all any export has: only answers
    /// make it a survey. Such a file whose first rows hold no answer in any column (a number, an agreement label, an
    /// answer code) is refused rather than loaded as responses without answers.
    /// </summary>
    public override (int Field, string Reason)? NotThisSource(HeaderMatch match, IReadOnlyList<HeadRecord> rows)
    {
        if (match.Has("user") || match.Has("department") || match.Extra.Count == 0) return null;
        if (match.Extra.Any(x => rows.Any(r => r.Fields.ElementAtOrDefault(x.Field) is { } v && LooksLikeAnswer(v.Trim())))) return null;
        return (match.Extra[0].Field,
            "the header has a response ID and a date like a survey, but no column names a person or a department and none holds " +
            "answers in the first rows (numbers, agreement labels such as 'Eens', answer codes such as AO01): this file is not read " +
            "as a survey. If it is one, import it as survey (the upload's Source; aci: --source survey).");
    }

    static bool LooksLikeAnswer(string value) =>
        decimal.TryParse(value.Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out _)
        || NumberedLabel().IsMatch(value) || AnswerCode().IsMatch(value) || IsAgreementLabel(value);

    [GeneratedRegex(@"^\d{1,2}\s*[-–:.=]\s*\D")]
    private static partial Regex NumberedLabel();

    [GeneratedRegex("^[A-Za-z]{1,3}[0-9]{1,3}$")]
    private static partial Regex AnswerCode();

    public override LoadResult Load(LoadContext context)
    {
        var survey = context.Request.Survey ?? SourceCatalog.NameFromFileName(context.FileName, FileNameNoise) ?? "Survey";
        // A response is its survey, ID and completion time. Tools such as Microsoft Forms number every new form's
        // responses from 1, so a next wave repeats earlier IDs: an ID met with another completion time (in the
        // warehouse or in this file) is keyed with its time as well, instead of being skipped as a duplicate.
        context.Execute("""
            create or replace temp table survey_rows as
            with f as (
                select v.*, coalesce(v.survey, $survey) as survey_name,
                       min(v.submitted_at) over same_id <> max(v.submitted_at) over same_id
                       or exists (select 1 from raw_survey_response x where x.survey = coalesce(v.survey, $survey)
                                  and x.response_id = v.response_id and x.submitted_at <> v.submitted_at) as id_reused
                from valid v
                window same_id as (partition by coalesce(v.survey, $survey), v.response_id)
            ), k as (
                select f.*, case when id_reused then response_id || ' @ ' || strftime(submitted_at, '%Y-%m-%d %H:%M:%S') else response_id end as response_key
                from f
            )
            select k._rec, k._line, k.survey_name as survey, k.response_key as response_id, k.submitted_at, r.person_id, k.department,
                   row_number() over (partition by k.survey_name, k.response_key order by k._rec) > 1 as repeated,
                   exists (select 1 from raw_survey_response x where x.survey = k.survey_name and x.response_id = k.response_key) as seen
            from k left join person_ref r on r.identifier = k."user"
            """, new { survey });
        context.Execute($"""
            insert into raw_survey_response
            select {context.ImportId}, _line, survey, response_id, submitted_at, person_id, department
            from survey_rows where not repeated
            """);

        var notes = new List<string>();
        // An anonymous survey (no e-mail, no department: what works councils ask for) still tells how the organisation
        // as a whole experiences AI; such responses have no department to count in.
        var nobody = context.Scalar<long>("select count(*) from survey_rows where not repeated and not seen and person_id is null and department is null");
        if (nobody > 0) notes.Add($"{nobody} response(s) name no person and no department: they count in All only.");
        notes.AddRange(AnswerCodes.DepartmentNotes(context));
        var (questions, scales) = MapQuestions(context, notes);
        if (questions.Count > 0) LoadAnswers(context, questions, scales, notes);

        return new LoadResult(
            context.Scalar<long>("select count(*) from survey_rows where not repeated and not seen"),
            context.Scalar<long>("select count(*) from survey_rows where repeated or seen"), notes);
    }

    /// <summary>
    /// Question columns with numeric, Likert or answer-code answers, and how those on a 7-point agreement scale or in
    /// codes read; text columns (comments) are left out on purpose.
    /// </summary>
    (List<ExtraColumn> Kept, Dictionary<ExtraColumn, Scale> Scales) MapQuestions(LoadContext context, List<string> notes)
    {
        LabelTable(context, "likert_label", LikertLabels);

        var kept = new List<ExtraColumn>();
        var scales = new Dictionary<ExtraColumn, Scale>();
        var textColumns = new List<string>();
        var coded = new List<(string Header, string Lowest, string Highest)>();
        foreach (var column in context.ExtraColumns)
        {
            var q = ColumnTyping.Q(column.Name);
            var (answers, scored, sevenPoint, isCoded, lowest, highest) = context.Query<(long, long, bool, bool, string?, string?)>($"""
                select count({q}), count(*) filter (where {AnswerExpression($"v.{q}")} is not null), {SevenPoint($"lower(trim(v.{q}))")},
                       {AnswerCodes.ScaleColumn($"v.{q}")}
                from valid v where nullif(trim({q}), '') is not null
                """).Single();
            if (answers > 0 && isCoded)
            {
                kept.Add(column);
                scales[column] = Scale.Codes;
                coded.Add((column.Header, lowest!, highest!));
            }
            else if (answers > 0 && scored * 2 < answers) textColumns.Add(column.Header);
            else
            {
                kept.Add(column);
                if (sevenPoint) scales[column] = Scale.SevenPoint;
            }
        }
        if (textColumns.Count > 0)
            notes.Add($"Free-text column(s) not stored (they may name people): {string.Join(", ", textColumns.Select(t => $"'{t}'"))}.");
        if (coded.Count > 0)
            notes.Add($"Answered with answer codes, each read as its number ({coded[0].Lowest}, {coded[0].Highest}): " +
                      $"{string.Join(", ", coded.Select(c => $"'{c.Header}'"))}.");

        var newlyMapped = 0;
        var unmapped = new List<string>();
        foreach (var survey in context.Query<string>("select distinct survey from survey_rows"))
        {
            foreach (var column in kept)
            {
                var known = context.Scalar<long>("select count(*) from survey_question where survey = $survey and question = $question",
                    new { survey, question = column.Header });
                var (construct, reverse) = QuestionMapping.Default(column.Header);
                if (known == 0)
                {
                    context.Execute("insert into survey_question values ($survey, $question, $construct, $reverse, 'keywords', now())",
                        new { survey, question = column.Header, construct, reverse });
                    newlyMapped++;
                }
                if (context.Scalar<string>("select construct from survey_question where survey = $survey and question = $question",
                        new { survey, question = column.Header }) == QuestionMapping.Unmapped)
                    unmapped.Add(column.Header);
            }
        }
        if (newlyMapped > 0)
            notes.Add($"{newlyMapped} question(s) mapped to constructs by keyword defaults; confirm or change the mapping on the Imports page.");
        if (unmapped.Count > 0)
            notes.Add($"No construct for: {string.Join(", ", unmapped.Distinct().Select(t => $"'{t}'"))} (stored, not used in KPIs until mapped).");
        return (kept, scales);
    }

    /// <summary>How a kept question column's answers read, when not as numbers or 5-point labels.</summary>
    enum Scale { SevenPoint, Codes }

    void LoadAnswers(LoadContext context, List<ExtraColumn> questions, Dictionary<ExtraColumn, Scale> scales, List<string> notes)
    {
        LabelTable(context, "likert7_label", SevenPointLabels);
        bool Reads(ExtraColumn q, Scale scale) => scales.TryGetValue(q, out var s) && s == scale;
        var sevenPoint = questions.Where(q => Reads(q, Scale.SevenPoint)).ToList();
        if (sevenPoint.Count > 0)
            notes.Add($"Answered on a 7-point agreement scale, rescaled to 1-5: {string.Join(", ", sevenPoint.Select(q => $"'{q.Header}'"))} " +
                      "(Agree 4.33, Somewhat agree 3.67, Neutral 3, Somewhat disagree 2.33, Disagree 1.67).");
        context.Execute("create or replace temp table question_column (name varchar, question varchar, position integer, seven_point boolean, coded boolean)");
        using (var appender = context.Connection.CreateAppender("temp", "main", "question_column"))
            foreach (var q in questions)
                appender.CreateRow().AppendValue(q.Name).AppendValue(q.Header).AppendValue(q.Field + 1)
                    .AppendValue(Reads(q, Scale.SevenPoint)).AppendValue(Reads(q, Scale.Codes)).EndRow();

        var columns = string.Join(", ", questions.Select(q => ColumnTyping.Q(q.Name)));
        context.Execute($$"""
            create or replace temp table answer_cell as
            select s._line, s.survey, s.response_id, qc.question, qc.position, u.answer_text,
                   coalesce(case when qc.coded then {{AnswerCodes.Number("u.answer_text")}} end,
                            case when qc.seven_point then (select round(1 + (score - 1) * 4 / 6, 2) from likert7_label where label = lower(trim(u.answer_text))) end,
                            {{AnswerExpression("u.answer_text")}}) as answer,
                   case c.scale when 'nps' then 0 when 'likert5' then 1 else 0 end as low,
                   case c.scale when 'nps' then 10 when 'likert5' then 5 else 10 end as high
            from (unpivot (select _rec, {{columns}} from valid) on {{columns}} into name column_name value answer_text) u
            join survey_rows s using (_rec)
            join question_column qc on qc.name = u.column_name
            join survey_question sq on sq.survey = s.survey and sq.question = qc.question
            left join dim_construct c on c.construct = sq.construct
            where not s.repeated and nullif(trim(u.answer_text), '') is not null;

            insert into rejected
            select _line, position, question,
                   case when regexp_full_match(trim(answer_text), '[0-9.,\s+-]{1,12}') then answer_text end,
                   case when answer is null then 'not a number or answer label on the question''s scale (answer ignored)'
                        else 'outside the scale ' || low || '-' || high || ' (answer ignored)' end
            from answer_cell where answer is null or answer < low or answer > high;

            insert into raw_survey_answer
            select {{context.ImportId}}, survey, response_id, question, answer
            from answer_cell where answer between low and high;
            """);
    }

    /// <summary>
    /// A 7-point agreement scale words a step between "agree" and "neutral" ("somewhat agree") beside "agree" itself;
    /// read as the 5-point scale, both would be 4. A column is 7-point when its answers hold both of such a pair: steps 6
    /// and 5, or 2 and 3, of <see cref="SevenPointLabels"/>.
    /// </summary>
    static string SevenPoint(string answer)
    {
        string Any(int step) => $"count(*) filter (where {answer} in ({string.Join(", ", SevenPointLabels.Where(l => l.Score == step).Select(l => ColumnTyping.L(l.Label)))})) > 0";
        return $"({Any(6)} and {Any(5)}) or ({Any(2)} and {Any(3)})";
    }

    /// <summary>A temp table of answer labels and their scores, for the answer expressions to look up.</summary>
    static void LabelTable(LoadContext context, string name, IEnumerable<(string Label, int Score)> labels)
    {
        context.Execute($"create or replace temp table {name} (label varchar, score integer)");
        using var appender = context.Connection.CreateAppender("temp", "main", name);
        foreach (var (label, score) in labels) appender.CreateRow().AppendValue(label).AppendValue(score).EndRow();
    }

    static readonly (string Label, int Score)[] SevenPointLabels =
    [
        ("strongly disagree", 1), ("helemaal oneens", 1), ("zeer oneens", 1), ("helemaal mee oneens", 1), ("helemaal niet mee eens", 1),
        ("zeer mee oneens", 1),
        ("disagree", 2), ("oneens", 2), ("mee oneens", 2), ("niet mee eens", 2),
        ("somewhat disagree", 3), ("enigszins oneens", 3),
        ("neither agree nor disagree", 4), ("neutral", 4), ("neutraal", 4), ("niet eens, niet oneens", 4),
        ("somewhat agree", 5), ("enigszins eens", 5),
        ("agree", 6), ("eens", 6), ("mee eens", 6),
        ("strongly agree", 7), ("helemaal eens", 7), ("helemaal mee eens", 7), ("zeer eens", 7), ("zeer mee eens", 7),
    ];

    /// <summary>An answer as a number: "4", "4,0", "10 - Zeer waarschijnlijk", or a Likert label.</summary>
    static string AnswerExpression(string text) => $$"""
        coalesce(
            try_cast(replace(trim({{text}}), ',', '.') as decimal(6, 2)),
            try_cast(regexp_extract(trim({{text}}), '^(\d{1,2})\s*[-–:.=]\s*\D', 1) as decimal(6, 2)),
            (select score from likert_label where label = replace(lower(trim({{text}})), '’', '''')))
        """;
}
