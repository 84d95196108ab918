using AiChangeInsights.Warehouse.Privacy;

namespace AiChangeInsights.Warehouse.Ingest.Roster;

/// <summary>
/// The roster's columns beside department and role: a person's other identities, by which other tools know them, and
/// whether they have left. Header names as HR systems write them (Entra ID, Google Workspace, AFAS, Nmbrs, Personio,
/// payroll exports), in English, Dutch and German.
/// </summary>
public static class RosterColumns
{
    /// <summary>
    /// Other identities of the row's person. Each value becomes an alias key (never stored as text), and rows of other
    /// sources join the person through it: a GitHub export through the login, Microsoft 365 through the UPN.
    /// </summary>
    public static IReadOnlyList<SourceColumn> Identities { get; } =
    [
        // Entra's download has both: mail is the person, userPrincipalName their UPN, and their key when mail is empty.
        new("upn", ValueKind.Person, "user_principal_name", "userprincipalname", "principal_name", "upn_adres")
            { AliasKind = Pseudonymiser.Upn, StandsInFor = "email" },
        // A second address (a private one beside the work one, Entra's alternateEmailAddress, Google's Work/Home Secondary
        // Email); any further plain e-mail column is one too, as the work address was taken by email.
        new("other_email", ValueKind.Person, ["private_email", "private_e_mail", "private_mail", "prive_e_mail", "prive_email",
            "e_mail_prive", "email_prive", "e_mailadres_prive", "prive_e_mailadres", "persoonlijk_e_mailadres", "persoonlijke_e_mail",
            "personal_email", "personal_e_mail", "e_mail_privat", "private_e_mail_adresse", "privat_e_mail", "secondary_email",
            "alternate_email", "alternate_email_address", "alternative_email", "other_email", "other_mails", "work_secondary_email",
            "home_secondary_email", "tweede_e_mailadres",
            "ander_e_mailadres", .. SourceColumn.MailAliases])
            { AliasKind = Pseudonymiser.Email },
        new("employee_id", ValueKind.Person, "employee_number", "employee_no", "employee_nr", "employeeid", "emp_id", "staff_number",
            "staff_id", "payroll_number", "personeelsnummer", "personeels_nummer", "personeelsnr", "pers_nr", "persnr", "werknemernummer",
            "werknemer_nummer", "werknemersnummer", "medewerkernummer", "medewerker_nummer", "medewerkersnummer", "medewerker_nr",
            "personalnummer", "personal_nr", "personalnr", "mitarbeiternummer", "mitarbeiter_nr", "mitarbeiter_id", "matricule",
            "numero_d_employe", "numero_employe")
            { AliasKind = Pseudonymiser.EmployeeId },
        new("github", ValueKind.Person, "github_login", "github_username", "github_user", "github_user_name", "github_handle",
            "github_account", "github_name", "github_gebruikersnaam", "github_gebruiker", "github_benutzername", "github_konto")
            { AliasKind = Pseudonymiser.GitHub },
    ];

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

    static readonly IReadOnlyDictionary<string, string> Plural = new Dictionary<string, string>
    {
        [Pseudonymiser.Upn] = "UPN(s)",
        [Pseudonymiser.Email] = "other e-mail address(es)",
        [Pseudonymiser.EmployeeId] = "employee number(s)",
        [Pseudonymiser.GitHub] = "GitHub login(s)",
    };

    /// <summary>What the summary says of the identities and leavers of the roster just loaded (table roster_rows).</summary>
    public static IEnumerable<string> Notes(LoadContext context)
    {
        var byUpn = context.Scalar<long>("select count(*) from roster_rows where not repeated and key_kind = 'upn'");
        if (byUpn > 0)
            yield return $"{byUpn} account(s) without an e-mail address (an Entra ID account without a mailbox) are read by their UPN.";
        var kinds = context.Query<(string Kind, long People)>($"""
            select kind, count(distinct person_id) from raw_roster_alias where import_id = {context.ImportId} group by kind
            """).ToDictionary(k => k.Kind, k => k.People);
        if (kinds.Count > 0)
            yield return "Other identities: " +
                         string.Join(", ", Pseudonymiser.AliasKinds.Where(kinds.ContainsKey).Select(k => $"{kinds[k]} {Plural[k]}")) +
                         ". Usage, training and survey rows of other tools join these people through them (no value is stored, only its pseudonym).";
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
