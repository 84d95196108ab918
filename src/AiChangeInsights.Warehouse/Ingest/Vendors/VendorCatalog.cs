namespace AiChangeInsights.Warehouse.Ingest.Vendors;

/// <summary>Every vendor export the importers recognise; one line each.</summary>
public static class VendorCatalog
{
    public static IReadOnlyList<VendorExport> All { get; } =
    [
        new MicrosoftFormsExport(),
        new QualtricsCsvExport(),
        new QualtricsLegacyCsvExport(),
        new SurveyMonkeyExport(),
        new LimeSurveyExport(LimeSurveyExport.Headings.QuestionCode),
        new LimeSurveyExport(LimeSurveyExport.Headings.FullQuestionText),
        new Microsoft365CopilotUsageExport(),
        new ChatGptEnterpriseUserReport(),
        new GitHubCopilotActivityReport(),
        new GitHubCopilotUserMetrics(),
        new GitHubCopilotMetricsApi(),
        new MoodleCompletionReport(),
        new MoodleGradesExport(),
        new TalentLmsCourseProgress(),
    ];
}
