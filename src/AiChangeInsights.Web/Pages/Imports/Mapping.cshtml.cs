using System.Globalization;
using AiChangeInsights.Warehouse.Ingest.Survey;
using AiChangeInsights.Web.Audit;
using AiChangeInsights.Web.Text;
using Dapper;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AiChangeInsights.Web.Pages.Imports;

/// <summary>
/// The mapping of one survey (?survey=): each question with its construct (keyword proposal or the analyst's choice),
/// reverse keying, who mapped it and its answers; its waves with their date range and n, which the analyst may split or
/// merge; and its department values that name no roster department (answer codes), which the analyst may map to one.
/// Each is remembered per survey (<see cref="SurveyMapping"/>, <see cref="SurveyWaves"/>, <see cref="SurveyDepartments"/>),
/// applies to every wave at once and to later ones, and is audited. Without a survey: the chooser.
/// </summary>
public sealed class MappingModel(SurveyMapping mapping, SurveyWaves waves, SurveyDepartments departments, Warehouse.Warehouse warehouse,
    AuditLog audit) : PageModel
{
    public sealed record Construct(string Code, string Scale, string LabelEn, string LabelNl)
    {
        public string Label => Lang.T(LabelEn, LabelNl);
    }

    /// <summary>One question as the form posts it back.</summary>
    public sealed class QuestionInput
    {
        public string Text { get; set; } = "";
        public string Construct { get; set; } = QuestionMapping.Unmapped;
        public bool ReverseKeyed { get; set; }
    }

    public sealed record SurveyChoice(string Survey, long Questions, long Unconfirmed);

    /// <summary>One department value as the form posts it back; an empty department forgets the mapping.</summary>
    public sealed class DepartmentInput
    {
        public string Value { get; set; } = "";
        public string? Department { get; set; }
    }

    public string? Survey { get; private set; }
    public IReadOnlyList<SurveyMapping.Question> Questions { get; private set; } = [];
    public IReadOnlyList<Construct> Constructs { get; private set; } = [];
    public IReadOnlyList<SurveyChoice> Surveys { get; private set; } = [];
    public IReadOnlyList<SurveyWaves.Wave> Waves { get; private set; } = [];
    public IReadOnlyList<SurveyWaves.Edit> WaveEdits { get; private set; } = [];
    public int WaveGapDays { get; private set; }
    public IReadOnlyList<SurveyDepartments.Value> DepartmentValues { get; private set; } = [];
    public IReadOnlyList<string> RosterDepartments { get; private set; } = [];
    public int MinGroupSize { get; private set; }
    public bool Saved { get; private set; }

    /// <summary>What was saved last: "waves" or "departments" (the questions say <see cref="Saved"/>).</summary>
    public string? Done { get; private set; }

    public string? Problem { get; private set; }

    /// <summary>The form value naming an edit's moment (microseconds, as the warehouse keeps them).</summary>
    public const string MomentFormat = "yyyy-MM-ddTHH:mm:ss.ffffff";

    public void OnGet(string? survey, bool saved = false, string? done = null)
    {
        Load(survey);
        Saved = saved && Survey is not null;
        Done = Survey is null ? null : done;
        if (survey is { Length: > 0 } && Survey is null)
        {
            Problem = Lang.T($"There is no survey “{survey}”; choose one from the list.", $"Er is geen enquête “{survey}”; kies er een uit de lijst.");
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
    }

    public IActionResult OnPost(string? survey, List<QuestionInput>? questions)
    {
        Load(survey);
        if (Survey is null || questions is not { Count: > 0 })
        {
            Problem = Lang.T("Choose a survey and map its questions before saving.", "Kies een enquête en koppel de vragen voordat u opslaat.");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var before = Questions.ToDictionary(q => q.Text);
        var changes = questions.Where(q => before.ContainsKey(q.Text))
            .Select(q => new SurveyMapping.Change(q.Text, q.Construct, q.ReverseKeyed)).ToList();
        try
        {
            var confirmed = mapping.Confirm(Survey, changes, audit.Actor(User));
            var changed = changes.Where(c => before[c.Text].Construct != c.Construct || before[c.Text].ReverseKeyed != c.ReverseKeyed)
                .Select(c => $"“{c.Text}” → {c.Construct}{(c.ReverseKeyed ? " (reverse-keyed)" : "")}").ToList();
            audit.Write(HttpContext, "survey mapping",
                $"{Survey}: {confirmed} questions confirmed, {changed.Count} changed" + (changed.Count > 0 ? ": " + string.Join("; ", changed) : ""));
        }
        catch (ArgumentException e)
        {
            Problem = e.Message;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        return Redirect($"/imports/mapping?survey={Uri.EscapeDataString(Survey)}&saved=true");
    }

    public IActionResult OnPostSplit(string? survey, int wave, string? day)
    {
        if (!DateOnly.TryParseExact(day?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start))
            return Refused(survey, Lang.T("Give the day on which the new wave starts.", "Geef de dag waarop de nieuwe meting begint."));
        return Edit(survey, "survey waves", "waves", s => waves.Split(s, wave, start, audit.Actor(User)));
    }

    public IActionResult OnPostMerge(string? survey, int wave) =>
        Edit(survey, "survey waves", "waves", s => waves.Merge(s, wave, audit.Actor(User)));

    public IActionResult OnPostRemoveEdit(string? survey, string? startsAt) =>
        DateTime.TryParseExact(startsAt, MomentFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var moment)
            ? Edit(survey, "survey waves", "waves", s => waves.Remove(s, moment))
            : Refused(survey, Lang.T("That split or merge is unknown; reload the page.", "Die splitsing of samenvoeging is onbekend; laad de pagina opnieuw."));

    public IActionResult OnPostDepartments(string? survey, List<DepartmentInput>? values) =>
        Edit(survey, "survey departments", "departments", s =>
        {
            var changed = departments.Map(s, (values ?? []).Select(v => new SurveyDepartments.Change(v.Value, v.Department)).ToList(), audit.Actor(User));
            return $"{s}: {changed.Count} department value(s) changed" + (changed.Count > 0 ? ": " + string.Join("; ", changed) : "");
        });

    /// <summary>Applies an edit of the chosen survey, audits what it did and shows the survey again; a refusal says why.</summary>
    IActionResult Edit(string? survey, string action, string done, Func<string, string> apply)
    {
        Load(survey);
        if (Survey is null) return Refused(survey, Lang.T("Choose a survey first.", "Kies eerst een enquête."));
        try
        {
            audit.Write(HttpContext, action, apply(Survey));
        }
        catch (SurveyEditRefusedException e)
        {
            return Refused(Survey, Lang.T(e.Message, e.Dutch));
        }
        return Redirect($"/imports/mapping?survey={Uri.EscapeDataString(Survey)}&done={done}");
    }

    IActionResult Refused(string? survey, string problem)
    {
        Load(survey);
        Problem = problem;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    void Load(string? survey)
    {
        var unconfirmed = mapping.Unconfirmed().ToDictionary(u => u.Survey, u => u.Unconfirmed);
        Surveys = mapping.Surveys().Select(s => new SurveyChoice(s, mapping.Questions(s).Count, unconfirmed.GetValueOrDefault(s))).ToList();
        Survey = Surveys.FirstOrDefault(s => s.Survey == survey)?.Survey;
        if (Survey is null) return;
        Questions = mapping.Questions(Survey);
        Waves = waves.Waves(Survey);
        WaveEdits = waves.Edits(Survey);
        WaveGapDays = waves.GapDays();
        DepartmentValues = departments.Values(Survey);
        RosterDepartments = departments.RosterDepartments();
        MinGroupSize = warehouse.Read(c => c.ExecuteScalar<int>("select min_group_size from dim_organisation"));
        // The constructs in the design's order (the order dim_construct lists them).
        Constructs = warehouse.Read(c => c.Query<Construct>(
            "select construct as code, scale, label_en as labelen, label_nl as labelnl from dim_construct order by rowid").ToList());
    }
}
