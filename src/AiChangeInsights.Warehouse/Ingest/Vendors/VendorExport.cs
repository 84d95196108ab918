using AiChangeInsights.Warehouse.Ingest.Files;

namespace AiChangeInsights.Warehouse.Ingest.Vendors;

/// <summary>
/// The real export of a common tool (Microsoft Forms, Moodle, Microsoft 365 Copilot, …), read as one of our
/// templates: recognised by the headers it always has, its columns mapped by header name (never by position),
/// optionally reshaped (a wide report becomes rows) before the shared typing, validation and loading.
/// Adding one = one class in this folder and one line in <see cref="VendorCatalog"/>, a sample file, tests.
/// </summary>
public abstract class VendorExport
{
    /// <summary>The export's name as the analyst knows it, e.g. "Microsoft Forms export".</summary>
    public abstract string Name { get; }

    /// <summary>The template whose rows this export becomes (an instance from <see cref="SourceCatalog"/>).</summary>
    public abstract Source Template { get; }

    /// <summary>Headers (normalised, see <see cref="Headers.Normalise"/>) that are all in this export's header row.</summary>
    public abstract IReadOnlyList<string> Signature { get; }

    /// <summary>
    /// Whether a header row (normalised headers) is this export: all of <see cref="Signature"/> by default. An export
    /// whose columns were renamed between versions of the tool overrides this to accept each version.
    /// </summary>
    public virtual bool Recognises(IReadOnlySet<string> headers) => Signature.All(headers.Contains);

    /// <summary>
    /// Why a recognised export cannot be imported at all (organisation totals without people): such a file is refused
    /// with this text instead of being misread by a template. Null for exports that load.
    /// </summary>
    public virtual string? Refusal => null;

    /// <summary>
    /// Template columns that are not in the file but made by <see cref="Reshape"/> (the course of a one-course report,
    /// the app of a per-app date): typed and validated as if the file had them; a rejected value names the column.
    /// </summary>
    public virtual IReadOnlyList<string> Produces => [];

    /// <summary>
    /// Headers every report of the same tool shares (e.g. all Microsoft 365 usage reports). A file with the family's
    /// headers but not this export's is another report of the tool: it is refused naming what it looks like and
    /// which columns are missing, instead of being misread.
    /// </summary>
    public virtual IReadOnlyList<string> Family => [];

    /// <summary>
    /// The columns of this export a header lacks when it has <see cref="Family"/>'s (another report of the tool), else
    /// null. An export written in several languages overrides this to name the columns of the header's language.
    /// </summary>
    public virtual IReadOnlyList<string>? MissingFromFamily(IReadOnlySet<string> headers) =>
        Family.Count > 0 && Family.All(headers.Contains) ? Signature.Where(h => !headers.Contains(h)).ToList() : null;

    /// <summary>The family's name in that refusal, e.g. "a Microsoft 365 usage report".</summary>
    public virtual string FamilyName => Name;

    /// <summary>Header rows below the first one (Qualtrics: question texts and import ids; SurveyMonkey: answer labels).</summary>
    public virtual int ExtraHeaderRows => 0;

    /// <summary>
    /// Template column -> the export's header spellings (normalised), in order of preference (Qualtrics: RecordedDate,
    /// else EndDate). Columns not listed use the template's aliases.
    /// </summary>
    public abstract IReadOnlyDictionary<string, string[]> Columns { get; }

    /// <summary>
    /// Export columns read only to decide about a row, never stored (Qualtrics: Status, Finished): their name in
    /// <c>src</c> and <c>typed</c> (starting with '_', text; null when the file lacks them) -> header spellings.
    /// </summary>
    public virtual IReadOnlyDictionary<string, string[]> RowFacts { get; } = new Dictionary<string, string[]>();

    /// <summary>Rows that are not a respondent's answer (a preview, a test): SQL over the typed columns and the row facts.</summary>
    public virtual IReadOnlyList<RowRule> RowRules => [];

    /// <summary>Headers never read, not even into memory (names, IP addresses, free text), normalised.</summary>
    public virtual IReadOnlySet<string> Ignored { get; } = new HashSet<string>();

    /// <summary>
    /// The name each field of the first header row goes by when columns are matched (normalised afterwards). Default:
    /// the first header row; SurveyMonkey carries a question's text to the empty cells of its answer columns.
    /// </summary>
    public virtual IReadOnlyList<string> HeaderNames(IReadOnlyList<HeadRecord> headerRows) => headerRows[0].Fields;

    /// <summary>
    /// Why the header rows below the first are not what this export writes (a Qualtrics file whose ImportId row was
    /// deleted), or null. The file is refused rather than a response read as a header or a header as a response.
    /// </summary>
    public virtual (int Line, string Reason)? HeaderRowsProblem(IReadOnlyList<HeadRecord> headerRows) => null;

    /// <summary>Whether a header outside <see cref="Columns"/> is kept as an extra column (survey questions, per-app dates).</summary>
    public virtual bool KeepsExtraColumn(string normalisedHeader) => Template.KeepsExtraColumn(normalisedHeader);

    /// <summary>The same, for exports whose other header rows tell (Qualtrics' ImportId row: a question or embedded data).</summary>
    public virtual bool KeepsExtraColumn(IReadOnlyList<HeadRecord> headerRows, int field, string normalisedName) =>
        normalisedName.Length > 0 && KeepsExtraColumn(normalisedName);

    /// <summary>The text an extra column goes by (a survey question as the analyst recognises it).</summary>
    public virtual string ExtraHeader(IReadOnlyList<HeadRecord> headerRows, int field) => headerRows[0].Fields[field].Trim();

    /// <summary>
    /// SQL run on the temp table <c>src</c> (the template's columns found, by canonical name; the extra columns
    /// x1..xn) before typing: an update in place, or a replacement of <c>src</c> by the template's rows that keeps
    /// <c>_rec</c> (the file record a row came from: <c>rowid</c> of the loaded table) so rejected rows still name
    /// their line; the result has every column of <see cref="Produces"/> and still has x1..xn (typing reads them).
    /// Null when nothing needs reshaping.
    /// </summary>
    public virtual string? Reshape(HeaderMatch match, ImportRequest request) => null;

    /// <summary>
    /// For a template column the reshape fills from several file columns (Microsoft 365: the date from each app's
    /// column), SQL over a typed row giving the file column it came from: its 1-based position and its header. A
    /// rejected value then names its own column instead of the template's name.
    /// </summary>
    public virtual IReadOnlyDictionary<string, (string Position, string Header)> ColumnOfRow(HeaderMatch match) =>
        new Dictionary<string, (string, string)>();

    /// <summary>
    /// The identity kinds a value of the export's person column is (<see cref="Privacy.Pseudonymiser.AliasKinds"/>: a
    /// GitHub export's login is a GitHub login), or null to tell by the value (an address or UPN with '@', else a login
    /// or an employee number). A roster joins the export's people through its columns of those kinds.
    /// </summary>
    public virtual IReadOnlyList<string>? PersonKinds => null;

    /// <summary>What the export implies for the request: the tool of a usage log, a course from the file name, …</summary>
    public virtual ImportRequest Defaults(ImportRequest request, string fileName) => request;

    /// <summary>Remarks for the import summary (e.g. concealed user names), read from the loaded rows.</summary>
    public virtual IReadOnlyList<string> Notes(LoadContext context) => [];
}
