using System.Text.RegularExpressions;

namespace AiChangeInsights.Warehouse.Ingest.Survey;

/// <summary>
/// The construct a question measures, guessed from Dutch, English, German and French keywords until an analyst confirms
/// it. Concerns come first: "Ik ben bang dat ik AI niet kan leren" is a worry, not a statement about learning.
/// </summary>
public static partial class QuestionMapping
{
    public const string Unmapped = "unmapped";

    static readonly (string Construct, Regex Pattern)[] Keywords =
    [
        ("recommend", Words("aanbevel", "aanbeveelt", "aanraden", "aanraadt", "raad .* aan", "recommend", "nps", "empfehlen", "empfiehl", "recommand")),
        ("concern_competence", Words("niet kan leren", "niet leren", "kan dit niet", "overweldigd", "cannot learn", "can't learn", "overwhelm", "nicht lernen", "pas apprendre")),
        ("concern_status", Words("baan", "overbodig", "vervangen", "vervang", "my job", "replace", "redundant", "arbeitsplatz", "ersetzt", "mon emploi", "remplac")),
        ("concern_control", Words("controle", "autonomie", "control", "kontrolle", "contrôle")),
        ("concern_ethics", Words("waarden", "ethiek", "ethisch", "ethic", "values", "privacy", "werte", "éthique", "valeurs")),
        ("trust", Words("vertrouw", "betrouwbaar", "trust", "reliable", "vertrau", "confiance", "fiable")),
        ("usefulness", Words("nuttig", "nut", "useful", "helpt", "helpen", "helps", "productiev", "waardevol", "nützlich", "hilft", "helfen", "utile")),
        ("ease_of_use", Words("gemakkelijk", "makkelijk", "eenvoudig", "easy", "ease", "ingewikkeld", "moeilijk", "complicated", "difficult", "einfach", "facile", "compliqué", "difficile")),
        ("satisfaction", Words("tevreden", "satisf", "zufrieden")),
        ("competence_self", Words("vaardig", "bekwaam", "competent", "skilled", "confident", "kan goed", "kompetent", "compétent")),
        ("culture_error", Words("fouten", "mistake", "error", "fehler", "erreur")),
        ("culture_participation", Words("betrokken", "inspraak", "involved", "participat", "beteiligt", "impliqué")),
        ("culture_experiment", Words("uitproberen", "proberen", "experiment", "try new", "ausprobieren", "essayer", "expériment")),
        ("culture_transparency", Words("transparant", "open gecommuniceerd", "transparent", "communicat", "gecommuniceerd")),
        ("maturity", Words("volwassen", "maturity", "reifegrad")),
    ];

    // Negative wording of a positive construct: the answer is turned around (6 - answer on a 1..5 scale).
    static readonly Regex Reverse = Words("\\(r\\)", "\\(reverse\\)", "\\(omgekeerd\\)", "ingewikkeld", "moeilijk", "complicated", "difficult", "kompliziert", "compliqué", "difficile");

    public static (string Construct, bool ReverseKeyed) Default(string question)
    {
        var text = question.ToLowerInvariant();
        foreach (var (construct, pattern) in Keywords)
        {
            if (!pattern.IsMatch(text)) continue;
            var reverse = construct is "ease_of_use" or "satisfaction" or "usefulness" or "trust" && Reverse.IsMatch(text)
                          || ExplicitReverse().IsMatch(text);
            return (construct, reverse);
        }
        return (Unmapped, false);
    }

    static Regex Words(params string[] words) => new(string.Join("|", words), RegexOptions.Compiled | RegexOptions.CultureInvariant);

    [GeneratedRegex(@"\((r|reverse|omgekeerd)\)\s*$")]
    private static partial Regex ExplicitReverse();
}
