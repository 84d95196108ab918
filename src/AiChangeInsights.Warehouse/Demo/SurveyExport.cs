using System.Globalization;
using ClosedXML.Excel;

namespace AiChangeInsights.Warehouse.Demo;

/// <summary>
/// The anonymous "AI-pulsmeting" in waves at the article's checkpoints (baseline, 3, 6, 12 months, then half-yearly):
/// one row per response, one column per question. Positivity follows the adoption curve and the leadership effect;
/// concerns follow each person's resistance type. The demo's month-12 wave is a Microsoft Forms-style .xlsx.
/// </summary>
internal static class SurveyExport
{
    public const string SurveyName = "AI-pulsmeting";

    private const int Blank = -1;

    private static readonly string[] Questions =
    [
        "Ik ben tevreden over de AI-tools die ik gebruik.",
        "Ik vertrouw de resultaten van AI.",
        "AI is nuttig voor mijn werk.",
        "De AI-tools zijn gemakkelijk te gebruiken.",
        "Ik vind de AI-tools ingewikkeld. (R)",
        "Hoe waarschijnlijk is het dat u de AI-tools aanbeveelt aan een collega? (0-10)",
        "Ik voel me vaardig in het gebruik van AI.",
        "Ik ben bang dat ik AI niet kan leren.",
        "Ik ben bang dat AI mijn baan overbodig maakt.",
        "Ik ben bang de controle over mijn werk te verliezen.",
        "AI bedreigt waarden die voor mij belangrijk zijn.",
        "Bij ons mag je fouten maken, daar leren we van.",
        "Ik word betrokken bij beslissingen over AI.",
        "We proberen graag nieuwe dingen uit.",
        "Er wordt open en transparant gecommuniceerd over AI.",
    ];

    private const int Recommend = 5;
    private const int FirstConcern = 7;   // concern_competence, _status, _control, _ethics follow ResistanceType order

    private static readonly string[] LikertLabels = ["Helemaal oneens", "Oneens", "Neutraal", "Eens", "Helemaal eens"];

    private sealed record Response(DemoDepartment Department, DateTime SubmittedAt, int PersonNumber, int[] Answers);

    public static IReadOnlyList<string> Write(FictionalOrganisation organisation, string folder, int seed)
    {
        var random = new Random(seed);
        var paths = new List<string>();
        foreach (var wave in organisation.SurveyWaves)
        {
            var responses = Responses(organisation, wave, random);
            var period = organisation.Calendar.Period(wave);
            // The demo's year-one wave came out of Microsoft Forms; the others from a CSV-exporting survey tool.
            var path = organisation.IsDemo && wave == 12
                ? WriteWorkbook(Path.Combine(folder, $"survey_{period}.xlsx"), period, responses)
                : WriteCsv(Path.Combine(folder, $"survey_{period}.csv"), period, responses);
            paths.Add(path);
        }
        return paths;
    }

    private static List<Response> Responses(FictionalOrganisation organisation, int wave, Random random)
    {
        var responses = new List<Response>();
        var days = organisation.Calendar.WorkingDays(wave);
        foreach (var department in organisation.Departments)
        {
            // About 70 % respond, never everyone: a 5-person board stays below the minimum group size.
            var rate = (department.ManagersActive ? 0.74 : 0.66) + random.Between(-0.04, 0.04);
            var size = department.Members.Count;
            var count = Math.Clamp((int)Math.Round(size * rate), Math.Min(1, size), Math.Max(0, size - 1));
            foreach (var person in random.Shuffled(department.Members).Take(count))
            {
                // The survey is open for the first three weeks of the month.
                var day = days[random.Next(Math.Max(1, days.Length * 3 / 4))];
                var submittedAt = day.ToDateTime(new TimeOnly(7, 30)).AddMinutes(random.Next(10 * 60));
                responses.Add(new Response(department, submittedAt, person.Number, Answers(person, wave, random)));
            }
        }
        return responses.OrderBy(r => r.SubmittedAt).ThenBy(r => r.PersonNumber).ToList();
    }

    private static int[] Answers(DemoPerson person, int wave, Random random)
    {
        var department = person.Department;
        var k = wave - department.RolloutMonth + 1;
        var type = person.Resistance;
        // Positivity tracks the adoption curve: up in the novelty months, down in the valley, recovering as use settles.
        var curve = k < 1 ? 0 : 1.2 * (AdoptionCurve.At(k) - 0.78) + 0.12 + 0.012 * Math.Min(k, 24);
        var mood = department.Mood + curve + person.Mood
            - (type == ResistanceType.None ? 0 : 0.3)
            - (person.IsRefuser ? 0.5 : 0)
            + (person.IsLearner ? 0.1 : 0);
        var progress = Math.Clamp(k, 0, 18) / 12.0;

        int Likert(double centre) => Math.Clamp((int)Math.Round(centre + 0.65 * random.Gaussian()), 1, 5);

        var answers = new int[Questions.Length];
        answers[0] = Likert(3.3 + mood);
        answers[1] = Likert(3.1 + mood - (type is ResistanceType.Control or ResistanceType.Ethics ? 0.3 : 0));
        answers[2] = Likert(3.5 + mood - (type == ResistanceType.Status ? 0.3 : 0));
        answers[3] = Likert(3.4 + 0.8 * mood - (type == ResistanceType.Competence ? 0.4 : 0));
        answers[4] = 6 - answers[3];
        answers[Recommend] = Math.Clamp((int)Math.Round(7.4 + 1.9 * mood + 1.3 * random.Gaussian()), 0, 10);
        answers[6] = Likert(2.5 + (person.IsLearner && k >= 1 ? 0.5 : 0) + 0.06 * Math.Clamp(k, 0, 12) + 0.3 * mood
            - (type == ResistanceType.Competence ? 0.6 : 0));
        for (var concern = 1; concern <= 4; concern++)
        {
            answers[FirstConcern + concern - 1] = (int)type == concern
                ? random.Chance(0.6) ? 4 : 5
                : 1 + random.PickWeighted(type == ResistanceType.None ? [35, 45, 20] : [25, 45, 30]);
        }
        var lift = 0.4 * department.ActivityIntensity * progress;
        answers[11] = Likert(3.1 + department.Culture + 0.2 * mood);
        answers[12] = Likert(2.9 + department.Culture + lift + 0.2 * mood);
        answers[13] = Likert(3.2 + department.Culture + 0.2 * mood);
        answers[14] = Likert(3.0 + department.Culture + lift + 0.2 * mood);

        // A few respondents skip a question; never the dominant worry, which is what classifies them.
        if (random.Chance(0.02))
        {
            var skips = random.Chance(0.3) ? 2 : 1;
            for (var i = 0; i < skips; i++)
            {
                var question = random.Next(Questions.Length);
                if (type == ResistanceType.None || question != FirstConcern + (int)type - 1) answers[question] = Blank;
            }
        }
        return answers;
    }

    private static string WriteCsv(string path, string period, List<Response> responses)
    {
        using var csv = new ExportWriter(path, ',');
        csv.Header(["survey", "response_id", "submitted_at", "department", .. Questions]);
        for (var i = 0; i < responses.Count; i++)
        {
            var response = responses[i];
            csv.Text(SurveyName).Text(ResponseId(period, i)).DateTime(response.SubmittedAt).Text(response.Department.Name);
            foreach (var answer in response.Answers)
            {
                if (answer == Blank) csv.Empty(); else csv.Number(answer);
            }
            csv.EndRow();
        }
        return csv.Path;
    }

    /// <summary>Microsoft Forms style: Likert answers as their Dutch labels, the 0-10 question as a number.</summary>
    private static string WriteWorkbook(string path, string period, List<Response> responses)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add("Antwoorden");
        string[] header = ["survey", "response_id", "submitted_at", "department", .. Questions];
        for (var c = 0; c < header.Length; c++) sheet.Cell(1, c + 1).SetValue(header[c]);

        for (var i = 0; i < responses.Count; i++)
        {
            var row = i + 2;
            var response = responses[i];
            sheet.Cell(row, 1).SetValue(SurveyName);
            sheet.Cell(row, 2).SetValue(ResponseId(period, i));
            sheet.Cell(row, 3).SetValue(response.SubmittedAt);
            sheet.Cell(row, 4).SetValue(response.Department.Name);
            for (var q = 0; q < response.Answers.Length; q++)
            {
                var answer = response.Answers[q];
                if (answer == Blank) continue;
                var cell = sheet.Cell(row, 5 + q);
                if (q == Recommend) cell.SetValue(answer); else cell.SetValue(LikertLabels[answer - 1]);
            }
        }

        sheet.Column(3).Style.DateFormat.Format = "yyyy-mm-dd hh:mm";
        double[] widths = [14, 16, 17, 18];
        for (var c = 1; c <= header.Length; c++) sheet.Column(c).Width = c <= widths.Length ? widths[c - 1] : 20;
        workbook.SaveAs(path);
        return path;
    }

    private static string ResponseId(string period, int index) =>
        $"R_{period}_{(index + 1).ToString("0000", CultureInfo.InvariantCulture)}";
}
