using System.Globalization;
using System.Text;

namespace AiChangeInsights.Warehouse.Demo;

/// <summary>Dutch full names and the first.last@company e-mail addresses an HR system would derive from them.</summary>
internal sealed class DutchNames(string domain)
{
    private static readonly string[] FirstNames =
    [
        "Jan", "Pieter", "Kees", "Willem", "Hendrik", "Johan", "Gerrit", "Henk", "Bram", "Daan", "Sem", "Lucas",
        "Thijs", "Jesse", "Ruben", "Bas", "Tim", "Niels", "Joost", "Maarten", "Sander", "Martijn", "Erik", "Frank",
        "Dennis", "Marco", "Rob", "Wouter", "Jeroen", "Arjen", "Sjoerd", "Koen", "Stijn", "Lars", "Mees", "Finn",
        "Gijs", "Teun", "Jochem", "Remco", "Ton", "Hans", "Harm", "Wim", "Dirk", "Mohamed", "Youssef", "Mehmet",
        "Emre", "Rachid", "Sven", "Floris", "Jasper", "Vincent", "Roel", "Ivo", "Michiel", "Hugo", "Olaf", "Ties",
        "Anna", "Emma", "Sanne", "Lotte", "Fleur", "Anouk", "Lisa", "Eva", "Iris", "Femke", "Marieke", "Ingrid",
        "Annemiek", "Petra", "Monique", "Sandra", "Linda", "Esther", "Karin", "Mirjam", "Saskia", "Nicole", "Inge",
        "Marloes", "Daniëlle", "Noëlle", "Chloë", "Loes", "Julia", "Sophie", "Tessa", "Roos", "Evi", "Nina", "Sara",
        "Fatima", "Yasmina", "Elif", "Ayşe", "Nadia", "Wendy", "Joyce", "Ilse", "Maud", "Merel", "Janneke", "Hanneke",
        "Willemijn", "Charlotte", "Eline", "Renée", "Gerda", "Truus", "Marja", "Wilma", "Ellen", "Bianca", "Kim",
    ];

    private static readonly string[] LastNames =
    [
        "de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Janssen", "Visser", "Smit", "Meijer",
        "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer",
        "de Wit", "Dijkstra", "Smits", "de Graaf", "van der Meer", "van der Linden", "Kok", "Jacobs", "de Haan",
        "Vermeulen", "van den Heuvel", "van der Veen", "van den Broek", "de Bruijn", "de Bruin", "van der Heijden",
        "Schouten", "van Beek", "Willems", "van Vliet", "van de Ven", "Hoekstra", "Maas", "Verhoeven", "Koster",
        "van Dam", "van der Wal", "Prins", "Blom", "Huisman", "Peeters", "de Jonge", "Kuipers", "van Veen", "Post",
        "Kuiper", "Veenstra", "Kramer", "van den Brink", "Scholten", "van Wijk", "Postma", "Martens", "Vink",
        "de Ruiter", "Timmermans", "Groen", "Gerritsen", "Jonker", "van Loon", "Boer", "van der Velde", "Willemsen",
        "Smeets", "de Lange", "de Vos", "Bosch", "van Dongen", "Schipper", "de Koning", "van der Laan", "Koning",
        "van der Velden", "Driessen", "van Doorn", "Hermans", "Evers", "van den Bosch", "van der Meulen", "Hofman",
        "Bosman", "Wolters", "Sijbesma", "Zwart", "van Es", "Huijbregts", "Verbeek", "Mertens", "Brinkman",
        "Wouters", "Teunissen", "Lammers", "van Rijn", "Hoogendoorn", "Ouwehand", "Terpstra", "Wijnands", "Pronk",
        "Yılmaz", "Öztürk", "El Amrani", "Bouzid", "Kaya", "Şahin", "Ramdin", "Tjon", "Nguyen", "Kowalski",
        "van Houten", "Brouwers", "Claassen", "Fokkema", "Haverkamp", "Jongman", "Kroon", "Lubbers", "Molenaar",
        "Nijhuis", "Oosterhuis", "Rietveld", "Stam", "Ubbink", "Veldman", "Wesselink", "Zandstra", "ter Horst",
        "ten Have", "van 't Hof", "op den Kamp", "in 't Veld", "van Oosten", "Blokland", "Vlaar", "Kerkhof",
    ];

    private readonly HashSet<string> usedLocalParts = new(StringComparer.Ordinal);

    public (string FullName, string Email) Next(Random random)
    {
        var first = FirstNames[random.Next(FirstNames.Length)];
        var last = LastNames[random.Next(LastNames.Length)];
        var localPart = $"{Ascii(first)}.{Ascii(last)}";
        var unique = localPart;
        for (var n = 2; !usedLocalParts.Add(unique); n++) unique = localPart + n.ToString(CultureInfo.InvariantCulture);
        return ($"{first} {last}", $"{unique}@{domain}");
    }

    /// <summary>"van 't Hof" becomes "vanthof", "Daniëlle" "danielle": a fixed map, so no ICU version can change an address.</summary>
    private static string Ascii(string name)
    {
        var ascii = new StringBuilder(name.Length);
        foreach (var c in name.ToLowerInvariant())
        {
            var plain = c switch
            {
                'ë' or 'é' or 'è' or 'ê' => 'e',
                'ö' or 'ó' or 'ô' => 'o',
                'ü' or 'ú' => 'u',
                'ï' or 'í' or 'ı' => 'i',
                'ş' => 's',
                'ç' => 'c',
                'ä' or 'á' or 'à' => 'a',
                _ => c,
            };
            if (plain is >= 'a' and <= 'z') ascii.Append(plain);
        }
        return ascii.ToString();
    }
}
