using System.Text;
using Dapper;

namespace AiChangeInsights.Tests.Sql.Kpi;

/// <summary>
/// Tiny survey fixtures for the survey views, imported through the real importers: a roster with one person per
/// department (a department exists once the roster names it; its respondents need not be in the roster), and
/// survey files whose question texts map to constructs by keyword (QuestionMapping).
/// </summary>
public static class SurveyFixture
{
    public const string Trust = "Ik vertrouw de resultaten van AI.";
    public const string Complicated = "Ik vind de AI-tools ingewikkeld. (R)";
    public const string Recommend = "Hoe waarschijnlijk is het dat u AI aanbeveelt? (0-10)";
    public const string ConcernHeaders =
        "\"Ik ben bang dat ik AI niet kan leren.\",\"Ik ben bang dat AI mijn baan overbodig maakt.\"," +
        "\"Ik ben bang de controle over mijn werk te verliezen.\",\"AI bedreigt waarden die voor mij belangrijk zijn.\"";

    /// <summary>One person per department, all rolled out on 06-01-2025 (go-live January 2025).</summary>
    public static void Roster(TestWarehouse test, params string[] departments) =>
        Import(test, "roster.csv", "email,department,rollout_date\n" + string.Concat(
            departments.Select((d, i) => $"person{i + 1}@example.nl,{d},2025-01-06\n")));

    /// <summary>
    /// A survey with only the trust question: per department the trust answers of its respondents, all submitted at
    /// <paramref name="submittedAt"/> (so one wave). Response ids are unique per file and department.
    /// </summary>
    public static void TrustSurvey(TestWarehouse test, string fileName, string submittedAt, params (string Department, int[] Trust)[] groups)
    {
        var csv = new StringBuilder($"response_id,submitted_at,department,\"{Trust}\"\n");
        foreach (var (department, answers) in groups)
            for (var i = 0; i < answers.Length; i++)
                csv.Append($"{Path.GetFileNameWithoutExtension(fileName)}-{department}-{i + 1},{submittedAt},{department},{answers[i]}\n");
        Import(test, fileName, csv.ToString());
    }

    /// <summary>Imports one file and insists that every row loaded.</summary>
    public static void Import(TestWarehouse test, string fileName, string content)
    {
        var summary = test.Import(test.File(fileName, content.EndsWith('\n') ? content : content + "\n"));
        summary.Status.ShouldBe("loaded", summary.Message);
        summary.RowsRejected.ShouldBe(0, summary.Message);
    }

    public static void Setting(TestWarehouse test, string key, string value)
    {
        test.Warehouse.Write(c => c.Execute("update setting set value = $value where key = $key", new { key, value }));
        test.Warehouse.Refresh("setting");
    }
}
