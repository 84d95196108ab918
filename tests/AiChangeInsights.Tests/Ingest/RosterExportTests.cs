using AiChangeInsights.Tests.Ingest.Vendors;

namespace AiChangeInsights.Tests.Ingest;

/// <summary>
/// The employee lists SMEs have, read as a roster: Entra ID's and Google Workspace's user downloads, AFAS and payroll
/// exports. Headers as their vendors document them (Microsoft Learn "Download a list of users", Google Workspace
/// "Add or update multiple users from a CSV file", AFAS GetConnector fields, the Nmbrs import sheet).
/// </summary>
public sealed class RosterExportTests : IDisposable
{
    readonly TestWarehouse test = new();

    public void Dispose() => test.Dispose();

    List<(string Department, string Role)> Roster() =>
        test.Query<(string, string)>("select department, role from raw_roster order by line");

    [Theory]
    // Titles that name a manager or the board but lead nobody.
    [InlineData("Accountmanager", "employee")]
    [InlineData("Key Account Manager", "employee")]
    [InlineData("Directiesecretaresse", "employee")]
    [InlineData("Directie-assistente", "employee")]
    [InlineData("Product Owner", "employee")]
    [InlineData("Office Manager", "employee")]
    [InlineData("Management assistent", "employee")]
    [InlineData("Proceseigenaar", "employee")]
    [InlineData("Werkstudentin Marketing", "employee")]
    // Managers, also in Dutch and German compounds and feminine forms.
    [InlineData("Teamleider Verkoop", "manager")]
    [InlineData("Teamleidster", "manager")]
    [InlineData("Afdelingshoofd Productie", "manager")]
    [InlineData("Hoofd Financiën", "manager")]
    [InlineData("Productiemanager", "manager")]
    [InlineData("Bedrijfsleider", "manager")]
    [InlineData("Ploegleider", "manager")]
    [InlineData("Teamcoördinator", "manager")]
    [InlineData("Head of Sales", "manager")]
    [InlineData("Teamleiterin Vertrieb", "manager")]
    [InlineData("Abteilungsleiter Produktion", "manager")]
    [InlineData("Leiterin Buchhaltung", "manager")]
    // The board.
    [InlineData("Algemeen directeur", "leadership")]
    [InlineData("Directrice", "leadership")]
    [InlineData("DGA", "leadership")]
    [InlineData("Chief Financial Officer", "leadership")]
    [InlineData("Managing Director", "leadership")]
    [InlineData("VP Engineering", "leadership")]
    [InlineData("Geschäftsführerin", "leadership")]
    // Belgian and Swiss teams write French titles.
    [InlineData("Responsable comptabilité", "manager")]
    [InlineData("Chef d'équipe", "manager")]
    [InlineData("Administrateur délégué", "leadership")]
    [InlineData("Directrice commerciale", "leadership")]
    [InlineData("Opérateur", "employee")]
    public void A_job_title_is_read_as_the_role_it_names(string title, string role)
    {
        test.Import(test.File("roster.csv", $"email;department;Functie\nan@example.nl;Verkoop;{title}\n")).Status.ShouldBe("loaded");

        Roster().ShouldBe([("Verkoop", role)]);
    }

    [Fact]
    public void An_Entra_ID_user_download_reads_its_camel_case_job_title()
    {
        var summary = test.Import(test.File("exportUsers_2025-3-7.csv", """
            userPrincipalName,displayName,surname,mail,givenName,objectId,userType,jobTitle,department,accountEnabled
            an.devries@example.nl,An de Vries,de Vries,an.devries@example.nl,An,0b6e…01,Member,Directeur,Directie,True
            bram.jansen@example.nl,Bram Jansen,Jansen,bram.jansen@example.nl,Bram,0b6e…02,Member,Teamleider Verkoop,Verkoop,True
            cor.bakker@example.nl,Cor Bakker,Bakker,cor.bakker@example.nl,Cor,0b6e…03,Member,Account Manager,Verkoop,True

            """));

        summary.Status.ShouldBe("loaded", summary.Message);
        // "jobTitle" is job_title: before, it matched no alias and everybody was an employee.
        Roster().ShouldBe([("Directie", "leadership"), ("Verkoop", "manager"), ("Verkoop", "employee")]);
    }

    [Fact]
    public void An_Entra_ID_account_without_a_mailbox_is_read_by_its_UPN_and_a_disabled_account_has_left()
    {
        // Samples/entra-id-users-download.csv: the columns of Entra's "Download users" (Microsoft Learn). Cor has no mailbox
        // (mail empty), Dirk's account is disabled, the meeting room has no department.
        var summary = test.Import(VendorSamples.Path("entra-id-users-download.csv"));

        (summary.Status, summary.RowsRead, summary.RowsLoaded, summary.RowsRejected).ShouldBe(("loaded", 5L, 4L, 1L), summary.Message);
        summary.Message.ShouldContain("first at line 6, column 9 (department): department is required but empty");
        summary.Message.ShouldContain("1 account(s) without an e-mail address (an Entra ID account without a mailbox) are read by their UPN.");
        // UPNs of all four; An's alternateEmailAddress.
        summary.Message.ShouldContain("Other identities: 4 UPN(s), 1 other e-mail address(es).");
        summary.Message.ShouldContain("1 person(s) have a leaving date or are marked as gone");
        test.Query<(string Department, string KeyKind, bool Left)>("select department, key_kind, left_on is not null from raw_roster order by line")
            .ShouldBe([("Verkoop", "email", false), ("Verkoop", "email", false), ("Productie", "upn", false), ("Productie", "email", true)]);
        test.ShouldStoreNoNamesOrEmails("An de Vries", "vandijk-machinebouw", "an.devries@gmail.com", "Industrieweg");
    }

    [Fact]
    public void Microsoft_365_usage_by_UPN_joins_an_Entra_roster_whose_mail_is_another_address()
    {
        test.Import(VendorSamples.Path("entra-id-users-download.csv")).Status.ShouldBe("loaded");

        // The usage report names people by UPN; Entra's mail (the roster's key) is another address for An, Bram and Dirk.
        var usage = test.Import(VendorSamples.Path("m365-copilot-usage-user-detail-v1.csv"));

        // Rows: An 4, Bram 2, Dirk 1 (his Teams date is rejected) by UPN; the concealed user 1, unknown.
        usage.Message.ShouldContain("Rows joined to the roster: 7 by UPN.");
        usage.Message.ShouldContain("1 user(s) are not in any roster yet (1 rows)");
        test.Query<(string Department, long Rows)>("""
            select p.department, count(*) from fct_usage_daily u join dim_person p using (person_id) group by all order by 1
            """).ShouldBe([("(not in roster)", 1L), ("Productie", 1L), ("Verkoop", 6L)]);
        // March 2025: An, Bram, Dirk active of An, Bram, Cor, Dirk (Dirk's disabled account counts from this month on, not
        // in March 2025).
        test.Query<(long Active, long Target)>("""
            select active_people, target_people from agg_usage_department_monthly
            where month = date '2025-03-01' and department = 'All' and tool = 'All'
            """).ShouldBe([(3L, 4L)]);

        // Cor is keyed by his UPN: a log that names him by it joins him as himself.
        var log = test.Import(test.File("usage.csv", "date,user,tool\n2025-03-04,cor.bakker@example.nl,Copilot\n"));
        log.Message.ShouldContain("Rows joined to the roster: 1 by UPN.");
    }

    [Fact]
    public void A_Google_Workspace_user_download_reads_its_columns_without_their_bracketed_notes()
    {
        var summary = test.Import(test.File("User_Download_07032025.csv", """
            First Name [Required],Last Name [Required],Email Address [Required],Password [Required],Org Unit Path [Required],Employee ID,Employee Type,Employee Title,Manager Email,Department,Status [READ ONLY]
            An,de Vries,an.devries@example.nl,****,/,1001,,Teamleider Verkoop,,Verkoop,Active
            Bram,Jansen,bram.jansen@example.nl,****,/,1002,,Medewerker klantenservice,an.devries@example.nl,Klantenservice,Active

            """));

        summary.Status.ShouldBe("loaded", summary.Message);
        Roster().ShouldBe([("Verkoop", "manager"), ("Klantenservice", "employee")]);
    }

    [Fact]
    public void An_AFAS_employee_export_reads_its_work_address_unit_and_job_description()
    {
        var summary = test.Import(test.File("medewerkers.csv", """
            Medewerker;Naam;Email_werk;Functie_code;Functie_omschrijving;Organisatorische_eenheid_code;Organisatorische_eenheid_omschrijving;Begindatum_contract
            1001;An de Vries;an.devries@example.nl;F10;Teamleider verkoop binnendienst;100;Verkoop;01-03-2019
            1002;Bram Jansen;bram.jansen@example.nl;F20;Medewerker binnendienst;100;Verkoop;01-09-2021

            """));

        summary.Status.ShouldBe("loaded", summary.Message);
        // The unit's name, not its code; the job's description, not its code.
        Roster().ShouldBe([("Verkoop", "manager"), ("Verkoop", "employee")]);
    }

    [Theory]
    // Nmbrs' import sheet: EmailWerk and EmailPrive.
    [InlineData("Persnr;Naam;EmailPrive;EmailWerk;Afdeling;Functie\n1;An de Vries;;an.devries@example.nl;Verkoop;Verkoper\n")]
    // A payroll export with the private address under the plain name.
    [InlineData("Werknemernummer;Naam;E-mailadres;E-mailadres zakelijk;Afdeling;Functie\n1;An de Vries;;an.devries@example.nl;Verkoop;Verkoper\n")]
    [InlineData("Naam;E-mail;Werk e-mail;Afdeling;Functie\nAn de Vries;;an.devries@example.nl;Verkoop;Verkoper\n")]
    public void Of_a_private_and_a_work_address_the_work_address_is_the_person(string text)
    {
        // The private address is empty: read as the person, the row would be rejected ("email is required but empty").
        var summary = test.Import(test.File("werknemers.csv", text));

        (summary.RowsRead, summary.RowsLoaded).ShouldBe((1L, 1L), summary.Message);
    }

    [Fact]
    public void A_department_beats_a_team_whichever_comes_first()
    {
        // Personio exports the team beside the department; the team is empty for most people.
        var summary = test.Import(test.File("export.csv", "ID;Vorname;E-Mail;Position;Team;Abteilung\n1;An;an@example.nl;Sachbearbeiter;;Einkauf\n2;Bo;bo@example.nl;Entwickler;Innendienst;IT\n"));

        summary.Status.ShouldBe("loaded", summary.Message);
        Roster().ShouldBe([("Einkauf", "employee"), ("IT", "employee")]);
    }
}
