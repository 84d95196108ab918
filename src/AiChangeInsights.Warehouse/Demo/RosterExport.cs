namespace AiChangeInsights.Warehouse.Demo;

/// <summary>roster.csv: a Dutch HR/payroll export (";", BOM, Dutch headers, dd-mm-yyyy); one row per person.</summary>
internal static class RosterExport
{
    public static string Write(FictionalOrganisation organisation, string folder)
    {
        using var csv = new ExportWriter(Path.Combine(folder, "roster.csv"), ';', byteOrderMark: true);
        csv.Header("Personeelsnummer", "Naam", "E-mail", "Afdeling", "Functie", "AI-champion", "Doelgroep", "Uitroldatum");
        foreach (var person in organisation.People)
        {
            csv.Number(person.Number)
                .Text(person.FullName)
                .Text(person.Email)
                .Text(person.Department.Name)
                .Text(person.JobTitle)
                .Text(person.IsChampion ? "Ja" : "Nee")
                .Text(person.InTargetGroup ? "Ja" : "Nee")
                .Date(person.Department.RolloutDate, "dd-MM-yyyy")
                .EndRow();
        }
        return csv.Path;
    }
}
