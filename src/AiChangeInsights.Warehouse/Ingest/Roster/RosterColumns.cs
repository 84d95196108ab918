namespace AiChangeInsights.Warehouse.Ingest.Roster;

/// <summary>
/// The roster's columns beside department and role: whether a person has left. Header names as HR systems write them
/// (Entra ID, Google Workspace, AFAS, Nmbrs, Personio, payroll exports), in English, Dutch and German.
/// </summary>
public static class RosterColumns
{
    /// <summary>Words of a status that say the person is gone (lower case). Personio's "leave" is leave of absence: still staff.</summary>
    const string LeftWords =
        @"uit ?dienst|uitgetreden|vertrokken|(^|[^a-z])(inactie?f|inactive|inaktiv|terminated|left|former|ausgetreten|ausgeschieden|" +
        @"beëindigd|beeindigd|disabled|deactivated|gedeactiveerd|suspended|archived|gearchiveerd|offboarded|ehemalig|gekündigt)($|[^a-z])|" +
        @"(niet|not|nicht|non) (meer |mehr )?(actief|active|aktiv|actif)|ex[- ]?(medewerker|employee|mitarbeiter)";

    /// <summary>
    /// Whether a person has left: a yes/no "active" column (Entra's accountEnabled False), a status (Personio's
    /// Inactive, "Uit dienst", Google's Suspended), a leaving date. Unknown values mean still there, so an export's own
    /// wording never rejects a person.
    /// </summary>
    public static IReadOnlyList<SourceColumn> Leaving { get; } =
    [
        new("active", ValueKind.Choice, "account_enabled", "accountenabled", "enabled", "is_active", "actief", "aktiv", "in_dienst",
            "account_actief", "account_active", "employed")
            { Choices = [($"^(n|no|nee|nein|non|false|onwaar|falsch|0)$|{LeftWords}", "left")], Fallback = "active" },
        new("status", ValueKind.Choice, "employment_status", "employee_status", "status_dienstverband", "dienstverband_status",
            "medewerker_status", "medewerkerstatus", "personeelsstatus", "mitarbeiterstatus", "beschaftigungsstatus", "statut",
            "contract_status", "account_status")
            { Choices = [(LeftWords, "left")], Fallback = "active" },
        new("leaving_date", ValueKind.Date, "end_date", "einddatum", "termination_date", "exit_date",
            "date_of_leaving", "leaving_on", "last_working_day", "last_day_of_work", "laatste_werkdag", "uitdienstdatum", "datum_uit_dienst",
            "uit_dienst_datum", "uit_dienst_per", "datum_uitdiensttreding", "uitdiensttreding", "uitdiensttredingsdatum",
            "einddatum_dienstverband", "einde_dienstverband", "datum_einde_dienstverband", "employment_end_date", "end_of_employment",
            "austrittsdatum", "austritt", "austrittstag", "letzter_arbeitstag", "date_de_sortie", "date_de_depart"),
    ];

    /// <summary>What the summary says of the leavers of the roster just loaded (table roster_rows).</summary>
    public static IEnumerable<string> Notes(LoadContext context)
    {
        var (left, undated, month) = context.Query<(long, long, string)>("""
            select count(*) filter (where left_on is not null), count(*) filter (where left_undated), strftime(current_date, '%Y-%m')
            from roster_rows where not repeated
            """).Single();
        if (left > 0)
            yield return $"{left} person(s) have a leaving date or are marked as gone: they leave the target group from that month on" +
                         (undated == 0 ? "." : $"; {undated} without a date count from the month the roster first said so " +
                                               $"({month} for those it says so first now). A leaving-date column gives their real month.");
    }
}
