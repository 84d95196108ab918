using AiChangeInsights.Warehouse.Ingest.Files;
using AiChangeInsights.Warehouse.Ingest.Survey;

namespace AiChangeInsights.Warehouse.Ingest.Roster;

/// <summary>
/// The HR roster: who is in which department, in which role, in the target group, and when AI reached them.
/// A roster is a snapshot: the newest import describes a person. Names in the export are never read.
/// </summary>
public sealed class RosterImporter : Source
{
    public override string Name => "roster";
    public override IReadOnlyList<string> OtherNames => ["hr", "personeel", "medewerkers"];
    public override IReadOnlyList<string> RawTables => ["raw_roster", "raw_roster_alias"];

    public override IReadOnlyList<SourceColumn> Columns { get; } =
    [
        // Required in the header, not in every row: an account without a mailbox (Entra's mail empty) is read by its UPN.
        new("email", ValueKind.Person, [.. SourceColumn.MailAliases, "upn", "user_principal_name", "userprincipalname"])
            { Required = true, ValueRequired = false, MustBeEmail = true },
        // A team is a department only when nothing else names one (Personio has both, the team inside the department).
        new("department", ValueKind.Text, "afdeling", "dept", "abteilung", "departement", "organisatieonderdeel",
            "organisatorische_eenheid_omschrijving", "org_eenheid_omschrijving", "business_unit", "afdelingsnaam", "team")
            { Required = true },
        new("role", ValueKind.Choice, "rol", "functie", "function", "job_title", "functietitel", "functienaam", "functie_omschrijving",
            "functieomschrijving", "employee_title", "fonction", "position", "positie", "title")
        {
            Choices =
            [
                // Titles that name a manager or the board but lead nobody, first: an account manager sells, a product owner
                // owns a backlog, a directie-assistent supports the board. ("Accountmanager", "Directiesecretaris" too.)
                (@"account ?manager|key ?account|product ?owner|directie[- ]?(assistent|secretar|medewerk|ondersteun)|management ?assist|office ?manager", "employee"),
                (@"(^|[^a-z])(directeur|directrice|director|directie|ceo|cfo|coo|cto|cio|chro|dga|eigenaar|owner|bestuurder|leadership|geschäftsführer(in)?|vorstand|vp|vice[ -]president|gérant(e)?|pdg)($|[^a-z])|chief .*officer|administrat(eur|rice)[ -]délégué", "leadership"),
                // Dutch and German compounds name the kind of manager in front: productiemanager, afdelingshoofd, abteilungsleiterin.
                (@"(^|[^a-z])(manager|teamleider|teamleidster|teamlead|team lead|head of|hoofd|leidinggevende|chef|supervisor|coordinator|coördinator|afdelingsleider|ploegleider|bedrijfsleider|responsable)($|[^a-z])|[a-z]manager($|[^a-z])|[a-zäöü]hoofd($|[^a-z])|(^|[a-zäöü])leiter(in)?($|[^a-zäöü])|teamco(o|ö)rdinator", "manager"),
            ],
            Fallback = "employee",
        },
        new("champion", ValueKind.Boolean, "ai_champion", "ai_ambassadeur", "ambassadeur", "ambassador", "multiplicator"),
        new("target_group", ValueKind.Boolean, "doelgroep", "in_scope", "target", "in_doelgroep"),
        new("rollout_date", ValueKind.Date, "uitroldatum", "go_live", "golive", "go_live_date", "startdatum_ai", "rollout", "uitrol", "livegang"),
        .. RosterColumns.Identities,
        .. RosterColumns.Leaving,
    ];

    public override IReadOnlyList<RowRule> RowRules { get; } =
    [
        new("email is null and upn is null", "email", "email is required but empty"),
        new("email is null and upn is not null and upn not like '%@%'", "upn",
            "no e-mail address, and the UPN that would stand in for it is not an address either"),
    ];

    /// <summary>
    /// A roster replaces what is known of people, so an export that merely has an e-mail and a department column must
    /// not pass for one: a survey whose "Afdeling" question made its respondents' answers their department did. A
    /// column headed by a question (four words or more, ending in '?') or answered with agreement labels ("Mee eens") is
    /// not a roster's. A short one ("Actief?", "Leidinggevende?") is an HR yes/no column.
    /// </summary>
    public override (int Field, string Reason)? NotThisSource(HeaderMatch match, IReadOnlyList<HeadRecord> rows)
    {
        var used = match.Columns.Values.ToHashSet();
        for (var i = 0; i < match.Header.Fields.Count; i++)
        {
            if (used.Contains(i)) continue;
            var text = match.Header.Fields[i].Trim();
            var values = rows.Select(r => r.Fields.ElementAtOrDefault(i)?.Trim()).Where(v => !string.IsNullOrEmpty(v)).ToList();
            var answered = values.Count > 0 && values.Count(v => SurveyImporter.IsAgreementLabel(v!)) * 2 > values.Count;
            var question = text.EndsWith('?') && text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 4;
            if (!question && !answered) continue;
            return (i, $"the header has an e-mail and a department column like a roster, but '{(text.Length > 80 ? text[..80] + "…" : text)}' " +
                       $"{(answered ? "is answered like a survey question" : "reads like a survey question")}. A roster replaces people's " +
                       "departments and roles, so this file is not read as one: import a survey as survey (the upload's Source; " +
                       "aci: --source survey), or remove that column from a roster.");
        }
        return null;
    }

    public override LoadResult Load(LoadContext context)
    {
        // A person left when the export says so: a leaving date, else a status or a disabled account, which count from the
        // day of the first roster import that said so (the day an earlier roster gave them, or today).
        context.Execute("""
            create or replace temp table roster_rows as
            select v._rec, v._line, r.person_id, case when v.email is null then 'upn' else 'email' end as key_kind,
                   v.department, v.role, v.champion, v.target_group, v.rollout_date,
                   v.leaving_date is null and (v.active = 'left' or v.status = 'left') as left_undated,
                   case when v.leaving_date is not null then v.leaving_date
                        when v.active = 'left' or v.status = 'left' then least(current_date, coalesce(s.left_on, current_date)) end as left_on,
                   row_number() over (partition by r.person_id order by v._rec) > 1 as repeated
            from valid v
            join person_ref r on r.identifier = coalesce(v.email, v.upn)
            left join stg_roster__person s on s.person_id = r.person_id
            """);
        context.Execute($"""
            insert into raw_roster (import_id, line, person_id, department, role, champion, target_group, rollout_date, key_kind, left_on)
            select {context.ImportId}, _line, person_id, department, role, coalesce(champion, false), coalesce(target_group, true), rollout_date,
                   key_kind, left_on
            from roster_rows where not repeated
            """);
        var identities = RosterColumns.Identities.Select(c => $"select _rec, {ColumnTyping.L(c.AliasKind!)} as kind, {ColumnTyping.Q(c.Name)} as value from valid");
        context.Execute($"""
            insert into raw_roster_alias
            select distinct {context.ImportId}, r.person_id, a.kind, a.alias_key
            from roster_rows r
            join ({string.Join(" union all ", identities)}) i using (_rec)
            join alias_value a using (kind, value)
            where not r.repeated
            """);
        var loaded = context.Scalar<long>("select count(*) from roster_rows where not repeated");
        var repeated = context.Scalar<long>("select count(*) from roster_rows where repeated");
        var notes = RosterColumns.Notes(context).ToList();
        if (repeated == 0) return new LoadResult(loaded, 0, notes);
        // Addresses compare case-insensitively: "An@Example.nl" and "an@example.NL" are one person.
        var firstRepeat = context.Scalar<long>("select min(_line) from roster_rows where repeated");
        return new LoadResult(loaded, repeated,
            [$"{repeated} e-mail addresses appear more than once (the first repeat on line {firstRepeat}); the first line counts.", .. notes]);
    }
}
