namespace AiChangeInsights.Warehouse.Demo;

/// <summary>What a department does: its job titles, the process AI is introduced into, and the ideas it has.</summary>
internal sealed record DepartmentFunction(
    string Name,
    string Head,
    string TeamLead,
    (string Title, double Weight)[] Staff,
    string WorkProcess,
    string[] Ideas)
{
    public static DepartmentFunction Engineering { get; } = new("Engineering", "Hoofd Engineering", "Teamleider Engineering",
        [("Engineer", 45), ("Werkvoorbereider", 20), ("Constructeur", 20), ("Technisch tekenaar", 15)],
        "technische documentatie",
        ["Technische documentatie genereren uit het 3D-model", "Offerteteksten laten opstellen uit de calculatie",
         "Wijzigingsverzoeken automatisch samenvatten", "Normen en richtlijnen doorzoeken met een AI-assistent",
         "Testrapporten laten controleren op volledigheid"]);

    public static DepartmentFunction Production { get; } = new("Productie", "Hoofd Productie", "Teamleider Productie",
        [("Monteur", 35), ("Operator", 25), ("Lasser", 15), ("CNC-verspaner", 15), ("Kwaliteitsinspecteur", 10)],
        "werkinstructies",
        ["Werkinstructies in eenvoudige taal herschrijven", "Storingsmeldingen laten samenvatten voor de ploegwissel",
         "Onderhoudslogboek doorzoekbaar maken", "Afkeurredenen automatisch clusteren"]);

    public static DepartmentFunction Sales { get; } = new("Verkoop", "Hoofd Verkoop", "Teamleider Binnendienst",
        [("Accountmanager", 45), ("Binnendienstmedewerker", 35), ("Calculator", 20)],
        "offertes",
        ["Offertes opstellen met Copilot", "Gespreksverslagen van klantbezoeken laten samenvatten",
         "Aanbestedingsdocumenten sneller beoordelen", "Vertalingen van productbladen automatiseren"]);

    public static DepartmentFunction CustomerService { get; } = new("Klantenservice", "Manager Klantenservice", "Teamleider Klantenservice",
        [("Medewerker klantenservice", 75), ("Servicecoördinator", 25)],
        "klantvragen",
        ["Antwoordsuggesties voor standaardvragen", "E-mails van klanten automatisch categoriseren",
         "Kennisbank bijwerken met veelgestelde vragen", "Klachten wekelijks laten samenvatten voor het MT"]);

    public static DepartmentFunction FinanceAndHr { get; } = new("Financiën & HR", "Hoofd Financiën & HR", "Teamleider Administratie",
        [("Financieel medewerker", 40), ("HR-adviseur", 25), ("Salarisadministrateur", 20), ("Controller", 15)],
        "maandrapportages",
        ["Maandrapportage automatisch toelichten", "Vacatureteksten genereren", "Inkoopfacturen laten controleren op afwijkingen",
         "Beleidsdocumenten doorzoekbaar maken voor medewerkers"]);

    public static DepartmentFunction Board { get; } = new("Directie", "Manager Bedrijfsbureau", "Manager Bedrijfsbureau",
        [("Managementassistent", 100)],
        "besluitvorming",
        ["AI-beleid en spelregels vastleggen", "Kwartaalcijfers laten samenvatten voor de raad van commissarissen",
         "Strategische scenario's verkennen met AI"]);

    /// <summary>The extra functions a large organisation has; weights say how many departments each typically gets.</summary>
    public static IReadOnlyList<(DepartmentFunction Function, double Weight)> ForLargeOrganisations { get; } =
    [
        (Production, 4), (Engineering, 2), (Sales, 2), (CustomerService, 2),
        (new("Logistiek", "Hoofd Logistiek", "Teamleider Magazijn",
            [("Magazijnmedewerker", 50), ("Planner logistiek", 25), ("Chauffeur", 25)],
            "transportplanning",
            ["Vrachtbrieven automatisch controleren", "Routeplanning laten optimaliseren", "Voorraadafwijkingen laten verklaren"]), 2),
        (new("Service", "Hoofd Service", "Teamleider Buitendienst",
            [("Servicemonteur", 70), ("Planner service", 30)],
            "servicerapporten",
            ["Servicerapporten inspreken en laten uitschrijven", "Storingshistorie per machine laten samenvatten"]), 2),
        (new("Financiën", "Hoofd Financiën", "Teamleider Administratie",
            [("Financieel medewerker", 60), ("Controller", 25), ("Credit controller", 15)],
            "maandafsluiting",
            ["Maandrapportage automatisch toelichten", "Inkoopfacturen laten controleren op afwijkingen"]), 1),
        (new("HR", "Hoofd HR", "Teamleider HR-services",
            [("HR-adviseur", 50), ("Salarisadministrateur", 30), ("Recruiter", 20)],
            "werving en selectie",
            ["Vacatureteksten genereren", "Onboardingvragen laten beantwoorden door een assistent"]), 1),
        (new("Inkoop", "Hoofd Inkoop", "Teamleider Inkoop",
            [("Inkoper", 70), ("Medewerker inkoop", 30)],
            "leveranciersselectie",
            ["Leverancierscontracten laten vergelijken", "Offerteaanvragen opstellen met AI"]), 1),
        (new("Marketing", "Manager Marketing", "Teamleider Content",
            [("Marketeer", 50), ("Contentspecialist", 30), ("Vormgever", 20)],
            "content",
            ["Nieuwsbrieven sneller schrijven", "Productteksten vertalen en aanpassen per land"]), 1),
        (new("IT", "Manager IT", "Teamleider Servicedesk",
            [("Systeembeheerder", 40), ("Servicedeskmedewerker", 35), ("Ontwikkelaar", 25)],
            "servicedesk",
            ["Scripts laten reviewen door AI", "Servicedesktickets automatisch routeren"]), 1),
        (new("Kwaliteit", "Manager Kwaliteit", "Teamleider QA",
            [("Kwaliteitsinspecteur", 60), ("Kwaliteitsingenieur", 40)],
            "afwijkingsrapporten",
            ["Afwijkingsrapporten laten analyseren op oorzaken", "Auditvoorbereiding met een AI-checklist"]), 1),
        (new("Planning", "Hoofd Planning", "Teamleider Planning",
            [("Planner", 70), ("Werkvoorbereider", 30)],
            "productieplanning",
            ["Capaciteitsplanning laten doorrekenen", "Levertijden beter voorspellen"]), 1),
    ];

    /// <summary>Ideas any department might submit, and the ones that need several departments together.</summary>
    public static string[] GeneralIdeas { get; } =
    [
        "Gedeelde promptbibliotheek op het intranet", "Vergaderverslagen standaard laten maken door Copilot",
        "AI-spreekuur elke week in plaats van elke maand", "Sjablonen voor veelgebruikte prompts",
        "Interne kennisbank koppelen aan de AI-assistent", "Checklist: wanneer mag klantdata in AI",
    ];

    public static string[] CrossFunctionalIdeas { get; } =
    [
        "Van klantvraag tot offerte in één AI-workflow", "Gezamenlijke AI-assistent voor order-to-cash",
        "Storingen uit de service terugkoppelen naar engineering met AI", "Eén AI-dashboard voor planning en verkoop",
        "Overdracht tussen afdelingen laten samenvatten door AI",
    ];
}
