namespace AiChangeInsights.Warehouse.Ingest.Vendors;

/// <summary>
/// Microsoft Forms "Open results in Excel" (.xlsx): ID, Start time, Completion time, Email, Name, Last modified
/// time, then one column per question (answers as text labels or numbers). Forms names its own columns in the form
/// owner's language: Dutch "ID, Begintijd, Tijd van voltooien, E-mail, Naam, Tijd van laatste wijziging", German "ID,
/// Startzeit, Fertigstellungszeit, E-Mail, Name, …", French "ID, Heure de début, Heure de fin, E-mail, Nom" (as
/// scripts that read such exports spell them). Anonymous forms write "anonymous" (or the language's word) as the e-mail. Names and start times are never read; the survey's name comes from --survey or
/// the file name.
/// </summary>
public sealed class MicrosoftFormsExport : VendorExport
{
    /// <summary>ID, start and completion time in each language: the ones every Forms export has.</summary>
    static readonly string[][] Signatures =
    [
        ["id", "start_time", "completion_time"],
        ["id", "begintijd", "tijd_van_voltooien"],
        ["id", "startzeit", "fertigstellungszeit"],
        ["id", "heure_de_debut", "heure_de_fin"],
    ];

    public override string Name => "Microsoft Forms export";
    public override Source Template { get; } = SourceCatalog.Find("survey");
    public override IReadOnlyList<string> Signature => Signatures[0];

    // A Dutch export read as a template was worse than refused: with an "Afdeling" question it was a complete roster,
    // and its respondents' departments replaced the real roster's.
    public override bool Recognises(IReadOnlySet<string> headers) => Signatures.Any(s => s.All(headers.Contains));

    public override IReadOnlyDictionary<string, string[]> Columns { get; } = new Dictionary<string, string[]>
    {
        ["response_id"] = ["id"],
        ["submitted_at"] = ["completion_time", "tijd_van_voltooien", "fertigstellungszeit", "heure_de_fin"],
        ["user"] = ["email", "e_mail"],
    };

    public override IReadOnlySet<string> Ignored { get; } = new HashSet<string>
    {
        "name", "naam", "start_time", "begintijd", "startzeit", "last_modified_time", "tijd_van_laatste_wijziging",
        "zeitpunkt_der_letzten_anderung", "nom", "heure_de_debut", "heure_de_la_derniere_modification", "total_points", "quiz_feedback", "grade_posted_time",
    };

    /// <summary>Anonymous forms put "anonymous" where the e-mail would be: no person, only the response.</summary>
    public override string? Reshape(HeaderMatch match, ImportRequest request) => match.Columns.ContainsKey("user")
        ? "update src set \"user\" = null where lower(trim(\"user\")) in ('anonymous', 'anoniem', 'anonym', 'anonyme')"
        : null;
}
