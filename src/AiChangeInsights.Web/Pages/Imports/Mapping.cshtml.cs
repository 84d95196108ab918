using AiChangeInsights.Warehouse.Ingest.Survey;
using AiChangeInsights.Web.Audit;
using AiChangeInsights.Web.Text;
using Dapper;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AiChangeInsights.Web.Pages.Imports;

/// <summary>
/// The question mapping of one survey (?survey=): each question with its construct (keyword proposal or the analyst's
/// choice), reverse keying, who mapped it and its answers. Saving confirms the whole survey through
/// <see cref="SurveyMapping.Confirm"/>, which is remembered for later waves and recalculates every wave at once.
/// Without a survey: the chooser.
/// </summary>
public sealed class MappingModel(SurveyMapping mapping, Warehouse.Warehouse warehouse, AuditLog audit) : PageModel
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

    public string? Survey { get; private set; }
    public IReadOnlyList<SurveyMapping.Question> Questions { get; private set; } = [];
    public IReadOnlyList<Construct> Constructs { get; private set; } = [];
    public IReadOnlyList<SurveyChoice> Surveys { get; private set; } = [];
    public bool Saved { get; private set; }
    public string? Problem { get; private set; }

    public void OnGet(string? survey, bool saved = false)
    {
        Load(survey);
        Saved = saved && Survey is not null;
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

    void Load(string? survey)
    {
        var unconfirmed = mapping.Unconfirmed().ToDictionary(u => u.Survey, u => u.Unconfirmed);
        Surveys = mapping.Surveys().Select(s => new SurveyChoice(s, mapping.Questions(s).Count, unconfirmed.GetValueOrDefault(s))).ToList();
        Survey = Surveys.FirstOrDefault(s => s.Survey == survey)?.Survey;
        if (Survey is null) return;
        Questions = mapping.Questions(Survey);
        // The constructs in the design's order (the order dim_construct lists them).
        Constructs = warehouse.Read(c => c.Query<Construct>(
            "select construct as code, scale, label_en as labelen, label_nl as labelnl from dim_construct order by rowid").ToList());
    }
}
