using System.Text.RegularExpressions;
using static AiChangeInsights.Warehouse.Ingest.ColumnTyping;

namespace AiChangeInsights.Warehouse.Ingest.Vendors;

/// <summary>
/// An LMS report about one course that does not name the course in its rows (Moodle's completion report and grades
/// export, TalentLMS's course progress export): the course is --course (<see cref="ImportRequest.Course"/>), else the
/// LMS's file name without the words the LMS adds. Template columns a report does not map are closed, so that an
/// activity or grade item that happens to be called "Training" or "Grade" is never read as the course or the score.
/// </summary>
public abstract class OneCourseReport : VendorExport
{
    public sealed override Source Template { get; } = SourceCatalog.Find("training");

    /// <summary>The template columns this report fills from its own headers (normalised spellings).</summary>
    protected abstract IReadOnlyDictionary<string, string[]> Mapped { get; }

    /// <summary>Template columns the report's reshape makes besides the course.</summary>
    protected virtual IReadOnlyList<string> AlsoProduces => [];

    /// <summary>The course's name in a file name, e.g. "completion-ai_basics.csv" -> "ai_basics"; null when nothing is left.</summary>
    protected abstract string? CourseFromFileName(string stem);

    /// <summary>SQL run on <c>src</c> after the course column is added (date clean-up, derived columns).</summary>
    protected virtual string ReshapeMore(HeaderMatch match) => "";

    public sealed override IReadOnlyDictionary<string, string[]> Columns =>
        Template.Columns.ToDictionary(c => c.Name, c => Mapped.GetValueOrDefault(c.Name) ?? []);

    public sealed override IReadOnlyList<string> Produces => ["course", .. AlsoProduces];

    public sealed override ImportRequest Defaults(ImportRequest request, string fileName)
    {
        if (!string.IsNullOrWhiteSpace(request.Course)) return request;
        // Browsers add " (1)" to a second download of the same file.
        var stem = Regex.Replace(Path.GetFileNameWithoutExtension(fileName), @"\s*\(\d+\)$", "").Trim();
        var course = CourseFromFileName(stem)?.Trim();
        return request with { Course = string.IsNullOrEmpty(course) ? null : course };
    }

    public sealed override string? Reshape(HeaderMatch match, ImportRequest request)
    {
        var course = request.Course is null ? "null" : L(request.Course.Trim());
        var produced = string.Join("", AlsoProduces.Select(c => $"alter table src add column {Q(c)} varchar;\n"));
        return $"""
            alter table src add column course varchar;
            update src set course = {course};
            {produced}{ReshapeMore(match)}
            """;
    }

    public override IReadOnlyList<string> Notes(LoadContext context) =>
    [
        context.Request.Course is { } course
            ? $"The report names no course: its rows belong to '{course}' (from --course, else the file name)."
            : "The report names no course and none was given: use --course.",
    ];

    /// <summary>
    /// "13/03/25, 14:05" (Moodle, TalentLMS) -> "13/03/2025 14:05", which the date typing reads. The year gets its
    /// century because DuckDB's own cast, tried first, reads "13/03/25" as the year 13.
    /// </summary>
    protected static string ReadableDate(HeaderMatch match, string column) => match.Columns.ContainsKey(column)
        ? $$"""
            update src set {{Q(column)}} = regexp_replace(regexp_replace(trim({{Q(column)}}), ',\s*', ' '),
                '^(\d{1,2})([/.-])(\d{1,2})[/.-](\d\d)(\s|$)', '\1\2\3\220\4\5')
            where {{Q(column)}} is not null;

            """
        : "";

    /// <summary>A dash or an empty cell is no value (Moodle writes "-" for "no grade").</summary>
    protected static string DashIsEmpty(HeaderMatch match, string column) => match.Columns.ContainsKey(column)
        ? $"update src set {Q(column)} = null where trim({Q(column)}) in ('-', '');\n"
        : "";
}
