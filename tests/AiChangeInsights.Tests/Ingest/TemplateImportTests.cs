using System.Text;
using AiChangeInsights.Tests.Ingest.Vendors;
using AiChangeInsights.Warehouse.Ingest;

namespace AiChangeInsights.Tests.Ingest;

/// <summary>Each of the nine templates imports, with row counts worked out by hand from the fixture.</summary>
public sealed class TemplateImportTests : IDisposable
{
    readonly TestWarehouse test = new();

    public void Dispose() => test.Dispose();

    const string DutchRoster = """
        Personeelsnummer;Naam;E-mail;Afdeling;Functie;AI-champion;Doelgroep;Uitroldatum
        1001;Jan de Vries;Jan.deVries@example.nl;Verkoop;Hoofd Verkoop;Ja;Ja;06-01-2025
        1002;Piet Jansen;piet.jansen@example.nl;Verkoop;Accountmanager;Nee;Ja;06-01-2025
        1003;Anna Bakker;anna.bakker@example.nl;Financiën & HR;Financieel medewerker;Nee;Ja;03-03-2025
        1004;Els Visser;els.visser@example.nl;Directie;Algemeen directeur;Nee;Nee;
        1005;Bad Mail;not-an-email;Verkoop;Medewerker;Nee;Ja;06-01-2025
        """;

    string Roster() => test.File("roster.csv", DutchRoster + "\n", new UTF8Encoding(true));

    [Fact]
    public void A_Dutch_HR_roster_with_BOM_and_semicolons_loads_roles_dates_and_flags()
    {
        var summary = test.Import(Roster());

        // 5 data rows; line 6 has no '@' in its e-mail -> 1 rejected, 4 loaded.
        summary.Status.ShouldBe("loaded");
        summary.Source.ShouldBe("roster");
        (summary.RowsRead, summary.RowsLoaded, summary.RowsRejected, summary.Duplicates).ShouldBe((5L, 4L, 1L, 0L));
        summary.Message.ShouldContain("line 6, column 3 (E-mail)");

        var people = test.Query<(string Department, string Role, bool Champion, bool TargetGroup, DateTime? Rollout)>(
            "select department, role, champion, target_group, rollout_date from dim_person order by department, role");
        people.ShouldBe([
            ("Directie", "leadership", false, false, null),
            ("Financiën & HR", "employee", false, true, new DateTime(2025, 3, 3)),
            ("Verkoop", "employee", false, true, new DateTime(2025, 1, 6)),
            ("Verkoop", "manager", true, true, new DateTime(2025, 1, 6)),
        ]);
    }

    [Theory]
    [InlineData("usage.csv", "date,user,tool,feature,duration_minutes,actions\n" +
        "2025-01-06,an@example.nl,Copilot,chat,1,2147483647\n" +
        "2025-01-07,an@example.nl,Copilot,chat,1,3000000000\n",
        "line 3, column 6 (actions): must be at most 2147483647")]
    [InlineData("activities.csv", "date,type,title,phase,department,participant,participants_count,hours\n" +
        "2025-01-06,communication,Nieuwsbrief,1,Verkoop,,2147483648,0.25\n" +
        "2025-01-07,communication,Nieuwsbrief,1,Verkoop,,40,0.25\n",
        "line 2, column 7 (participants_count): must be at most 2147483647")]
    public void A_count_too_large_for_the_warehouse_is_rejected_with_its_line_and_column(string name, string content, string problem)
    {
        // The warehouse keeps counts as 32-bit integers (at most 2,147,483,647): one row each is one too large, the other
        // loads. Before, the load's cast refused the whole file without naming a line.
        var summary = test.Import(test.File(name, content));

        (summary.Status, summary.RowsRead, summary.RowsLoaded, summary.RowsRejected).ShouldBe(("loaded", 2L, 1L, 1L), summary.Message);
        summary.Message.ShouldContain(problem);
    }

    [Fact]
    public void Usage_rows_land_per_person_and_day_with_duplicates_and_bad_rows_named()
    {
        test.Import(Roster());
        var summary = test.Import(test.File("usage_copilot.csv", """
            date,user,tool,feature,duration_minutes,actions
            2025-01-07,jan.devries@example.nl,Copilot,chat,12.5,4
            2025-01-07,jan.devries@example.nl,Copilot,chat,12.5,4
            2025-01-08,piet.jansen@example.nl,Copilot,draft,3,1
            2025-01-09,unknown.person@example.nl,Copilot,chat,5,2
            2025-13-01,piet.jansen@example.nl,Copilot,chat,5,2
            2025-02-03,anna.bakker@example.nl,Copilot,summarise,-4,2

            """));

        // 6 rows: line 3 repeats line 2 (1 duplicate), line 6 has month 13, line 7 negative minutes (2 rejected), 3 loaded.
        (summary.RowsRead, summary.RowsLoaded, summary.RowsRejected, summary.Duplicates).ShouldBe((6L, 3L, 2L, 1L));
        summary.Message.ShouldContain("not in any roster");
        test.Query<(int Line, string Column, string Value, string Reason)>(
            "select line, column_name, value, reason from import_rejected_row where import_id = $id order by line", new { id = summary.ImportId }).ShouldBe([
                (6, "date", "2025-13-01", "not a date (expected yyyy-mm-dd or dd-mm-yyyy)"),
                (7, "duration_minutes", "-4", "must be at least 0"),
            ]);
        // Jan: 12.5 minutes (the repeated line counted once); Piet 3; the unknown user is kept but outside the roster.
        test.Query<(decimal Minutes, int Events)>("select active_minutes, events from fct_usage_daily order by active_minutes")
            .ShouldBe([(3m, 1), (5m, 1), (12.5m, 1)]);
    }

    [Fact]
    public void An_address_as_mail_programs_copy_it_is_the_address()
    {
        test.Import(test.File("roster.csv", """
            email,department
            Jan de Vries <Jan.deVries@example.nl>,Verkoop
            mailto:piet.jansen@example.nl,Productie

            """));

        var usage = test.Import(test.File("usage.csv", "date,user,tool\n2025-03-03,jan.devries@example.nl,Copilot\n2025-03-03,piet.jansen@example.nl,Copilot\n"));

        usage.Message.ShouldNotContain("not in any roster");
        test.Query<string>("select p.department from fct_usage_daily u join dim_person p using (person_id) order by 1").ShouldBe(["Productie", "Verkoop"]);
        test.ShouldStoreNoNamesOrEmails("Jan de Vries", "jan.devries@example.nl", "mailto");
    }

    [Fact]
    public void Of_a_user_id_and_an_email_column_the_email_is_the_person()
    {
        test.Import(Roster());

        // user_id comes first in the file and is an accepted name for the user, but people join on their address.
        var summary = test.Import(test.File("usage.csv", "user_id,email,date,tool\n1001,jan.devries@example.nl,2025-03-03,Copilot\n"));

        summary.Message.ShouldNotContain("not in any roster");
        test.Query<string>("select p.department from fct_usage_daily u join dim_person p using (person_id)").ShouldBe(["Verkoop"]);
    }

    [Fact]
    public void A_tool_taken_from_the_file_name_skips_periods_and_is_named_in_the_summary()
    {
        test.Import(Roster());

        var guessed = test.Import(test.File("Q1 copilot usage.csv", "date,user\n2025-03-03,jan.devries@example.nl\n"));
        var given = test.Import(test.File("march-2025 chatgpt.csv", "date,user\n2025-03-04,jan.devries@example.nl\n"), new ImportRequest { Tool = "ChatGPT Team" });

        guessed.Message.ShouldContain("Rows without a tool count as 'Copilot', taken from the file name: name it in the upload's options (Tool; aci: --tool) to count them otherwise.");
        given.Message.ShouldNotContain("Rows without a tool");
        test.Query<string>("select tool from fct_usage_daily order by usage_date").ShouldBe(["Copilot", "ChatGPT Team"]);
    }

    [Fact]
    public void A_log_saved_by_Dutch_Excel_reads_day_first_dates_and_decimal_commas()
    {
        test.Import(Roster());
        var summary = test.Import(test.File("gebruik_chatgpt.csv", """
            Datum;Gebruiker;Tool;Onderdeel;Duur (minuten);Acties
            13-01-2025;jan.devries@example.nl;ChatGPT;chat;7,5;3
            02-03-2025;piet.jansen@example.nl;ChatGPT;analyse;1.234,5;1

            """));

        summary.RowsLoaded.ShouldBe(2);
        test.Query<(DateTime Day, decimal Minutes)>("select usage_date, active_minutes from fct_usage_daily order by usage_date")
            .ShouldBe([(new DateTime(2025, 1, 13), 7.5m), (new DateTime(2025, 3, 2), 1234.5m)]);
    }

    [Theory]
    [InlineData("a decimal point among commas", "Datum;Gebruiker;Tool;Duur (minuten)\n03-03-2025;jan.devries@example.nl;ChatGPT;2,5\n" +
        "04-03-2025;jan.devries@example.nl;ChatGPT;3,5\n05-03-2025;jan.devries@example.nl;ChatGPT;1.5\n", "1.5", "not a number (read with a decimal comma)")]
    [InlineData("a decimal comma among points", "date,user,tool,duration_minutes\n2025-03-03,jan.devries@example.nl,Copilot,2.5\n" +
        "2025-03-04,jan.devries@example.nl,Copilot,3.5\n2025-03-05,jan.devries@example.nl,Copilot,\"1,5\"\n", "1,5", "not a number (read with a decimal point)")]
    public void A_number_written_with_the_other_decimal_separator_is_rejected_not_read_ten_times_larger(string name, string content, string value, string reason)
    {
        test.Import(Roster());

        var summary = test.Import(test.File("usage.csv", content));

        // Two of three values set the column's separator; the third's separator can only group thousands (three digits),
        // so '1.5' is no number there. Dropping it would have read 15 minutes.
        summary.Status.ShouldBe("loaded", name);
        (summary.RowsLoaded, summary.RowsRejected).ShouldBe((2L, 1L), name);
        test.Query<(int Line, string Value, string Reason)>("select line, value, reason from import_rejected_row where import_id = $id",
            new { id = summary.ImportId }).ShouldBe([(4, value, reason)], name);
        test.Query<decimal>("select active_minutes from fct_usage_daily order by usage_date").ShouldBe([2.5m, 3.5m], name);
    }

    [Fact]
    public void US_dates_are_recognised_when_a_day_above_12_sits_second_and_a_forced_locale_wins()
    {
        test.Import(Roster());
        var us = test.Import(test.File("us.csv", "date,user,tool\n01/13/2025,jan.devries@example.nl,Copilot\n02/03/2025,piet.jansen@example.nl,Copilot\n"));
        us.RowsLoaded.ShouldBe(2);
        test.Query<DateTime>("select usage_date from fct_usage_daily order by 1").ShouldBe([new DateTime(2025, 1, 13), new DateTime(2025, 2, 3)]);

        var forced = test.Import(test.File("forced.csv", "date,user,tool\n04/05/2025,anna.bakker@example.nl,Copilot\n"), new ImportRequest { Locale = "en-US" });
        forced.RowsLoaded.ShouldBe(1);
        test.Scalar<DateTime>("select max(usage_date) from fct_usage_daily").ShouldBe(new DateTime(2025, 4, 5));
    }

    [Fact]
    public void A_date_column_that_reads_either_way_follows_the_files_other_dates_or_is_named_in_the_summary()
    {
        test.Import(Roster());

        // enrolled_at has 01/20: month first. completed_at (02/03, 02/05) alone reads either way, so it follows.
        var training = test.Import(test.File("training.csv", """
            user,course,enrolled_at,completed_at
            jan.devries@example.nl,AI basics,01/20/2025,02/03/2025
            piet.jansen@example.nl,AI basics,01/21/2025,02/05/2025

            """));
        training.Message.ShouldNotContain("read either way");
        test.Query<(DateTime Enrolled, DateTime Completed)>("select enrolled_at, completed_at from fct_training order by enrolled_at")
            .ShouldBe([(new DateTime(2025, 1, 20), new DateTime(2025, 2, 3)), (new DateTime(2025, 1, 21), new DateTime(2025, 2, 5))]);

        // Nothing in this file tells: day first, and the summary says so with the smallest such value.
        var usage = test.Import(test.File("usage.csv", "date,user,tool\n03/02/2025,jan.devries@example.nl,Copilot\n03/01/2025,piet.jansen@example.nl,Copilot\n"));
        usage.Message.ShouldContain("Dates in 'date' read either way ('03/01…' could be day or month first): read day first. " +
                                    "If the export writes the month first, undo this import and import it again with the dates set to American (the upload's options; aci: --locale en-US).");
        test.Query<DateTime>("select usage_date from fct_usage_daily order by 1").ShouldBe([new DateTime(2025, 1, 3), new DateTime(2025, 2, 3)]);

        // In a ';' file from European Excel, one value that only reads month first is a typo: rejected alone, the
        // column stays day first, so 03-02-2025 is 3 February (it read as 2 March before; in the last check below).
        var typo = test.Import(test.File("gebruik-feb.csv", "datum;gebruiker;tool\n03-02-2025;piet.jansen@example.nl;Copilot\n02-13-2025;piet.jansen@example.nl;Copilot\n"));
        (typo.RowsLoaded, typo.RowsRejected).ShouldBe((1L, 1L));
        typo.Message.ShouldContain("line 3, column 1 (datum): day and month order differ from the other rows of this column (read as dd-mm-yyyy)");

        // Dutch Excel (';') and German dots write the day first: no note there.
        test.Import(test.File("gebruik.csv", "datum;gebruiker;tool\n04-02-2025;jan.devries@example.nl;Copilot\n")).Message.ShouldNotContain("read either way");
        test.Import(test.File("nutzung.csv", "date,user,tool\n05.02.2025,jan.devries@example.nl,Copilot\n")).Message.ShouldNotContain("read either way");
        test.Query<DateTime>("select usage_date from fct_usage_daily order by 1").ShouldBe(
            [new DateTime(2025, 1, 3), new DateTime(2025, 2, 3), new DateTime(2025, 2, 3), new DateTime(2025, 2, 4), new DateTime(2025, 2, 5)]);
    }

    [Fact]
    public void Training_completions_keep_levels_scores_and_open_enrolments()
    {
        test.Import(Roster());
        var summary = test.Import(test.File("training.csv", """
            user,course,level,enrolled_at,completed_at,score,passed
            jan.devries@example.nl,AI-basis,basis,2025-01-02,2025-01-20,81,yes
            piet.jansen@example.nl,AI-basis,basic,2025-01-02,,,
            anna.bakker@example.nl,Prompten,gevorderd,2025-02-01,2025-02-15,55,nee
            anna.bakker@example.nl,Prompten,wizard,2025-02-01,2025-02-15,55,nee

            """));

        // 4 rows; line 5's level 'wizard' is unknown -> 1 rejected, 3 loaded (one still open).
        (summary.RowsRead, summary.RowsLoaded, summary.RowsRejected).ShouldBe((4L, 3L, 1L));
        test.Query<(string Level, DateTime? Completed, decimal? Score, bool? Passed)>(
            "select level, completed_at, score, passed from fct_training order by enrolled_at, completed_at nulls last").ShouldBe([
                ("basic", new DateTime(2025, 1, 20), 81m, true),
                ("basic", null, null, null),
                ("advanced", new DateTime(2025, 2, 15), 55m, false),
            ]);
    }

    [Fact]
    public void A_next_wave_that_numbers_its_responses_from_1_again_is_loaded_not_skipped_as_duplicates()
    {
        // Microsoft Forms numbers each new form's responses from 1; the file names differ only in their month.
        const string header = "ID,Completion time,Department,I trust the results of AI.\n";
        var march = test.Import(test.File("AI Pulse March(1-2).csv", header + "1,2025-03-03 09:00,Verkoop,2\n2,2025-03-04 10:00,Verkoop,2\n"));
        var june = test.Import(test.File("AI Pulse June(1-2).csv", header + "1,2025-06-02 09:00,Verkoop,5\n2,2025-06-03 10:00,Productie,4\n"));
        // A later export of the June form holds its two responses again and one new one.
        var juneAgain = test.Import(test.File("AI Pulse June(1-3).csv",
            header + "1,2025-06-02 09:00,Verkoop,5\n2,2025-06-03 10:00,Productie,4\n3,2025-06-05 11:00,Verkoop,4\n"));

        (march.RowsLoaded, march.Duplicates).ShouldBe((2L, 0L));
        (june.RowsLoaded, june.Duplicates).ShouldBe((2L, 0L));
        (juneAgain.RowsLoaded, juneAgain.Duplicates).ShouldBe((1L, 2L));
        // One survey (named by the file name's first word), two waves: March 2 responses, June 2 + 1.
        test.Query<(string Survey, DateTime Wave, long Responses, decimal Trust)>("""
            select r.survey, r.wave, count(*), sum(a.answer) from fct_survey_response r
            join stg_survey__answer a using (survey, response_id) group by all order by wave
            """).ShouldBe([("Ai", new DateTime(2025, 3, 1), 2L, 4m), ("Ai", new DateTime(2025, 6, 1), 3L, 13m)]);
    }

    [Fact]
    public void A_survey_maps_questions_by_keyword_rejects_off_scale_answers_alone_and_drops_free_text()
    {
        var summary = test.Import(test.File("pulse_2025-03.csv", """
            response_id,submitted_at,department,"Ik vertrouw de resultaten van AI.","Ik vind de AI-tools ingewikkeld. (R)","Hoe waarschijnlijk is het dat u AI aanbeveelt? (0-10)",Opmerkingen
            R1,2025-03-10 09:00,Verkoop,4,2,9,Werkt prima
            R2,2025-03-11 10:30,Verkoop,7,1,10,Jan helpt me
            R3,2025-03-12 11:00,Productie,Eens,5,3,
            R4,2025-03-12 11:05,,3,3,8,

            """));

        // 4 responses, all loaded: R4 names neither user nor department (an anonymous response, counted in All only);
        // R2's trust answer 7 is off the 1-5 scale (that answer alone is dropped); the comments column is text and is not stored.
        (summary.RowsRead, summary.RowsLoaded, summary.RowsRejected).ShouldBe((4L, 4L, 0L));
        summary.Message.ShouldContain("'Opmerkingen'");
        summary.Message.ShouldContain("1 response(s) name no person and no department: they count in All only.");
        test.Query<(string Question, string Construct, bool Reverse)>(
            "select question, construct, reverse_keyed from survey_question order by construct").ShouldBe([
                ("Ik vind de AI-tools ingewikkeld. (R)", "ease_of_use", true),
                ("Hoe waarschijnlijk is het dat u AI aanbeveelt? (0-10)", "recommend", false),
                ("Ik vertrouw de resultaten van AI.", "trust", false),
            ]);
        // 4 responses x 3 questions = 12 answers, minus R2's off-scale trust = 11. 'Eens' reads as 4.
        test.Scalar<long>("select count(*) from fct_survey_answer").ShouldBe(11);
        test.Query<decimal>("select answer from fct_survey_answer where construct = 'trust' order by response_id").ShouldBe([4m, 4m, 3m]);
        // Reverse-keyed: as given 2, 1, 5, 3 -> 6 - x = 4, 5, 1, 3.
        test.Query<decimal>("select answer from fct_survey_answer where construct = 'ease_of_use' order by response_id").ShouldBe([4m, 5m, 1m, 3m]);
        test.Query<(int Line, string Column, string Reason)>("select line, column_name, reason from import_rejected_row order by line")
            .ShouldBe([(3, "Ik vertrouw de resultaten van AI.", "outside the scale 1-5 (answer ignored)")]);
        test.Scalar<string>("select distinct survey from fct_survey_response").ShouldBe("Pulse");
    }

    [Fact]
    public void A_survey_without_user_and_department_columns_loads_when_its_columns_hold_answers()
    {
        var summary = test.Import(test.File("pulse_2025-03.csv", """
            response_id,submitted_at,Ik vertrouw de resultaten van AI.,Opmerking
            R1,2025-03-10 09:00,Eens,Prima
            R2,2025-03-11 09:00,2,
            R3,2025-03-12 09:00,,Geen idee

            """));

        summary.Status.ShouldBe("loaded", summary.Message);
        (summary.RowsRead, summary.RowsLoaded).ShouldBe((3L, 3L));
        summary.Message.ShouldContain("3 response(s) name no person and no department: they count in All only.");
        test.Query<decimal>("select answer from fct_survey_answer order by response_id").ShouldBe([4m, 2m]);
    }

    [Fact]
    public void A_file_with_only_an_ID_a_date_and_text_is_no_anonymous_survey_and_is_refused()
    {
        var before = test.DataCounts();

        var summary = test.Import(test.File("export.csv", """
            id,date,comment
            1,2025-03-03,Nieuwe laptop besteld
            2,2025-03-04,Wachtwoord vergeten

            """));

        summary.Status.ShouldBe("rejected");
        summary.Message.ShouldStartWith("export.csv line 1, column 3 (comment): the header has a response ID and a date like a survey, but no column " +
                                        "names a person or a department and none holds answers");
        test.DataCounts().ShouldBe(before);
        // Chosen as a survey by the analyst, it loads (responses without answers: the text is not stored).
        test.Import(test.File("export.csv", "id,date,comment\n1,2025-03-03,Nieuwe laptop besteld\n"), new ImportRequest { Source = "survey" })
            .Status.ShouldBe("loaded");
    }

    [Fact]
    public void A_seven_point_agreement_scale_is_rescaled_to_five_points_and_a_five_point_somewhat_scale_is_not()
    {
        var summary = test.Import(test.File("pulse_2025-03.csv", """
            response_id,submitted_at,department,AI is useful for my work.,I trust the results of AI.
            R1,2025-03-03,Verkoop,Strongly agree,Somewhat agree
            R2,2025-03-03,Verkoop,Agree,Strongly agree
            R3,2025-03-03,Verkoop,Somewhat agree,Somewhat disagree
            R4,2025-03-03,Verkoop,Somewhat disagree,Strongly disagree
            R5,2025-03-03,Verkoop,Strongly disagree,Neither agree nor disagree

            """));

        // Usefulness has both 'Agree' and 'Somewhat agree': 7 points, 1 + (step - 1) x 4 / 6. Strongly agree 7 -> 5,
        // Agree 6 -> 4.33, Somewhat agree 5 -> 3.67, Somewhat disagree 3 -> 2.33, Strongly disagree 1 -> 1.
        // Trust uses 'somewhat' without a plain 'agree': Qualtrics' 5-point scale, Somewhat agree 4, Somewhat disagree 2.
        summary.Message.ShouldContain("Answered on a 7-point agreement scale, rescaled to 1-5: 'AI is useful for my work.' (Agree 4.33, Somewhat agree 3.67");
        test.Query<(string Response, decimal Useful, decimal Trust)>("""
            select response_id, sum(answer) filter (where question like 'AI is useful%'), sum(answer) filter (where question like 'I trust%')
            from raw_survey_answer group by 1 order by 1
            """).ShouldBe([("R1", 5m, 4m), ("R2", 4.33m, 5m), ("R3", 3.67m, 2m), ("R4", 2.33m, 1m), ("R5", 1m, 3m)]);
    }

    [Fact]
    public void A_French_survey_reads_its_agreement_labels_and_maps_its_questions_by_keyword()
    {
        var summary = test.Import(test.File("sondage_2025-03.csv", """
            response_id,submitted_at,department,L'IA est utile pour mon travail.,Je fais confiance aux résultats de l'IA.
            R1,2025-03-03,Verkoop,Tout à fait d'accord,4
            R2,2025-03-03,Verkoop,D’accord,Plutôt pas d'accord
            R3,2025-03-03,Verkoop,Pas du tout d'accord,Ni d'accord ni pas d'accord

            """));

        // Tout à fait d'accord 5, D’accord (typographic apostrophe) 4, Pas du tout d'accord 1; Plutôt pas d'accord 2, Ni … 3.
        summary.Message.ShouldNotContain("Free-text");
        test.Query<(string Construct, string Response, decimal Answer)>("""
            select q.construct, a.response_id, a.answer from raw_survey_answer a join survey_question q using (survey, question) order by 1, 2
            """).ShouldBe([
                ("trust", "R1", 4m), ("trust", "R2", 2m), ("trust", "R3", 3m),
                ("usefulness", "R1", 5m), ("usefulness", "R2", 4m), ("usefulness", "R3", 1m),
            ]);
    }

    [Fact]
    public void An_e_mail_column_is_the_person_in_every_template_whatever_its_language()
    {
        // A German roster, a Dutch training file and a French survey, each naming its e-mail column its own way.
        test.Import(test.File("mitarbeiter.csv", "E-Mail-Adresse;Abteilung\nan@example.nl;Verkoop\nbo@example.nl;Productie\n")).Status.ShouldBe("loaded");
        var training = test.Import(test.File("cursus.csv", "E-mailadres,Afdeling,Cursus,Voltooid op\nan@example.nl,Verkoop,AI basis,2025-03-03\n"));
        var survey = test.Import(test.File("sondage.csv", "response_id,submitted_at,Adresse e-mail,Je fais confiance aux résultats de l'IA.\nR1,2025-03-03,bo@example.nl,4\n"));

        // The training file is training, not a second roster (it has e-mail and department too); both rows join a person.
        training.Source.ShouldBe("training");
        survey.Source.ShouldBe("survey");
        test.Scalar<long>("select count(*) from person").ShouldBe(2);
        test.Scalar<long>("select count(*) from raw_roster").ShouldBe(2);
        test.Scalar<long>("select count(*) from raw_training where person_id is not null").ShouldBe(1);
        test.Scalar<long>("select count(*) from raw_survey_response where person_id is not null").ShouldBe(1);
    }

    [Theory]
    // A survey export in a language no vendor adapter knows: its question ends in '?'.
    [InlineData("mitarbeiter-umfrage.csv", "Befragten-ID,E-Mail-Adresse,Abteilung,Wie zufrieden sind Sie mit Copilot?\n1,an@example.nl,Control,Sehr zufrieden\n", 4)]
    // The same with statements: the answers are agreement labels.
    [InlineData("peiling.csv", "E-mailadres,Afdeling,Copilot bespaart mij tijd\nan@example.nl,Control,Mee eens\nbo@example.nl,Verkoop,Helemaal mee eens\n", 3)]
    public void A_survey_export_with_e_mail_and_department_is_not_taken_for_a_roster(string name, string text, int column)
    {
        test.Import(test.File("roster.csv", "email,department\nan@example.nl,Verkoop\n"));

        var summary = test.Import(test.File(name, text));

        summary.Status.ShouldBe("rejected");
        summary.Message.ShouldContain($"line 1, column {column}");
        summary.Message.ShouldContain("like a roster, but");
        summary.Message.ShouldContain("--source survey");
        test.Query<string>("select department from raw_roster").ShouldBe(["Verkoop"]);
    }

    [Fact]
    public void A_roster_with_short_yes_no_questions_as_headers_is_still_a_roster()
    {
        var summary = test.Import(test.File("personeel.csv", "E-mail;Afdeling;Actief?;Leidinggevende?\nan@example.nl;Verkoop;Ja;Nee\n"));

        summary.Status.ShouldBe("loaded", summary.Message);
        summary.Source.ShouldBe("roster");
    }

    [Fact]
    public void Every_wording_of_the_Dutch_and_German_agreement_scales_is_an_answer()
    {
        var summary = test.Import(test.File("peiling_2025-03.csv", """
            response_id,submitted_at,department,AI is nuttig voor mijn werk.,Ich vertraue den Ergebnissen der KI.
            R1,2025-03-03,Verkoop,Helemaal mee oneens,Stimme gar nicht zu
            R2,2025-03-03,Verkoop,Niet mee eens,Stimme eher nicht zu
            R3,2025-03-03,Verkoop,"Noch eens, noch oneens",Weder noch
            R4,2025-03-03,Verkoop,Mee eens,Stimme eher zu
            R5,2025-03-03,Verkoop,Zeer mee eens,Stimme voll und ganz zu
            R6,2025-03-03,Verkoop,Helemaal niet mee eens,"Teils, teils"

            """));

        // Each step of both 5-point scales: 1, 2, 3, 4, 5, and the other Dutch bottom step 1 and German middle 3. None
        // dropped as "not on the scale", and neither column is free text.
        summary.Message.ShouldNotContain("Free-text");
        test.Scalar<long>("select count(*) from import_rejected_row").ShouldBe(0);
        test.Query<(string Response, decimal Useful, decimal Trust)>("""
            select response_id, sum(answer) filter (where question like 'AI is nuttig%'), sum(answer) filter (where question like 'Ich vertraue%')
            from raw_survey_answer group by 1 order by 1
            """).ShouldBe([("R1", 1m, 1m), ("R2", 2m, 2m), ("R3", 3m, 3m), ("R4", 4m, 4m), ("R5", 5m, 5m), ("R6", 1m, 3m)]);
    }

    [Fact]
    public void Activities_read_Dutch_type_names_head_counts_and_reject_unknown_types()
    {
        test.Import(Roster());
        var summary = test.Import(test.File("activiteiten.csv", """
            Datum;Soort;Titel;Fase;Afdeling;Deelnemer;Aantal deelnemers;Uren
            15-01-2025;AI-ontbijt;Wat kan Copilot?;1;Verkoop;jan.devries@example.nl;;1,5
            15-01-2025;AI-ontbijt;Wat kan Copilot?;1;Verkoop;piet.jansen@example.nl;;1,5
            20-01-2025;Nieuwsbrief;AI bij ons;;Verkoop;;12;
            21-01-2025;AI-spreekuur;Vragen over prompts;3;;anna.bakker@example.nl;;1
            22-01-2025;Bowling;Teamuitje;;Verkoop;jan.devries@example.nl;;3

            """));

        (summary.RowsRead, summary.RowsLoaded, summary.RowsRejected).ShouldBe((5L, 4L, 1L));
        test.Query<(string Type, string Department, int Participants, int Phase)>(
            "select activity_type, department, participants, phase from fct_activity_participation order by activity_date, participants desc").ShouldBe([
                ("ai_breakfast", "Verkoop", 1, 1),
                ("ai_breakfast", "Verkoop", 1, 1),
                ("communication", "Verkoop", 12, 1),
                ("office_hours", "Financiën & HR", 1, 3),
            ]);
    }

    [Fact]
    public void Business_metrics_ideas_tickets_and_maturity_templates_load()
    {
        var metrics = test.Import(test.File("metrics.csv",
            "period,department,metric,value\n2025-01,Verkoop,Uren bespaard,12.5\n2025-01,Verkoop,foutpercentage,4.2\n2025-02,Verkoop,Kosten per fout,1000\n"));
        var ideas = test.Import(test.File("ideas.csv", "submitted_at,departments,title,status\n2025-02-01,Verkoop|Productie,Offertes met AI,Geïmplementeerd\n2025-02-03,Verkoop,Mailsjablonen,nieuw\n"));
        var tickets = test.Import(test.File("tickets.csv", "created_at,department,category,ai_related\n2025-01-10 09:12,Verkoop,prompting,ja\n2025-01-11 10:00,Verkoop,hardware,nee\n"));
        var maturity = test.Import(test.File("maturity.csv", "assessed_at,department,stage,item_1,item_2\n2025-06-15,Verkoop,2,,\n2025-06-15,Productie,,3,4\n2025-06-15,Directie,,,\n"));

        (metrics.RowsLoaded, ideas.RowsLoaded, tickets.RowsLoaded).ShouldBe((3L, 2L, 2L));
        test.Query<string>("select metric from fct_business_metric order by metric").ShouldBe(["cost", "error_rate", "hours_saved"]);
        test.Query<(bool Cross, string Status)>("select cross_functional, status from fct_idea order by submitted_at")
            .ShouldBe([(true, "implemented"), (false, "submitted")]);
        test.Scalar<long>("select count(*) from fct_support_ticket where ai_related").ShouldBe(1);
        // Productie's items 3 and 4 average 3.5, which rounds to stage 4; Directie has neither stage nor items.
        (maturity.RowsLoaded, maturity.RowsRejected).ShouldBe((2L, 0L));
        test.Query<(string Department, int Stage)>("select department, stage from fct_maturity_assessment order by department")
            .ShouldBe([("Productie", 4), ("Verkoop", 2)]);
        test.Scalar<string>("select reason from import_rejected_row where line = 4").ShouldBe("a row needs a stage (1-5) or item scores");
    }

    [Fact]
    public void A_business_figure_that_differs_from_the_one_kept_is_listed_with_the_value_that_counts()
    {
        var first = test.Import(test.File("metrics.csv", """
            period,department,metric,value
            2025-01,Verkoop,hours_saved,10
            2025-01,Verkoop,hours_saved,10
            2025-01,Verkoop,hours_saved,25

            """));
        var corrected = test.Import(test.File("metrics-corrected.csv", "period,department,metric,value\n2025-01,Verkoop,hours_saved,12.5\n"));

        // Line 3 repeats line 2 exactly (a copy); line 4 is another figure for the same key: both skipped, line 4 listed.
        (first.RowsLoaded, first.Duplicates).ShouldBe((1L, 2L));
        first.Message.ShouldContain("line 4, column 4 (value): a second value for 2025-01, Verkoop, hours_saved (line 2 has 10): the first is kept.");
        (corrected.RowsLoaded, corrected.Duplicates).ShouldBe((0L, 1L));
        test.Query<(int Line, string Value, string Reason)>("select line, value, reason from import_rejected_row where import_id = $id",
            new { id = corrected.ImportId }).ShouldBe([(2, "12.5", $"already loaded with 10 by import #{first.ImportId}: the earlier import counts (undo it to load this value)")]);
        test.Scalar<decimal>("select value from fct_business_metric").ShouldBe(10m);
    }

    [Fact]
    public void The_same_file_twice_is_already_imported_and_changes_nothing()
    {
        var path = Roster();
        test.Import(path).Status.ShouldBe("loaded");
        var before = test.DataCounts();

        var again = test.Import(path);

        again.Status.ShouldBe("already_imported");
        again.Message.ShouldContain("import #1");
        test.DataCounts().ShouldBe(before);
    }

    [Fact]
    public void An_overlapping_export_counts_the_days_already_loaded_as_duplicates()
    {
        test.Import(Roster());
        test.Import(test.File("week1.csv", "date,user,tool\n2025-01-06,jan.devries@example.nl,Copilot\n2025-01-07,jan.devries@example.nl,Copilot\n"));
        var overlap = test.Import(test.File("week1-2.csv", "date,user,tool\n2025-01-07,jan.devries@example.nl,Copilot\n2025-01-14,jan.devries@example.nl,Copilot\n"));

        (overlap.RowsLoaded, overlap.Duplicates).ShouldBe((1L, 1L));
        test.Scalar<long>("select count(*) from fct_usage_daily").ShouldBe(3);
        // The analyst learns which figures count, and how a log cut inside a day would fare.
        overlap.Message.ShouldContain("1 row(s) fall on a person, day, tool and feature that an earlier import already holds: that import's figures " +
                                      "count for those days (export whole days; to count this file's instead, undo the earlier import first).");
    }

    [Fact]
    public void A_two_digit_year_is_read_day_first_and_never_as_the_year_13()
    {
        test.Import(Roster());
        var summary = test.Import(test.File("short-years.csv", "date,user,tool\n13-01-25,jan.devries@example.nl,Copilot\n2025-02-03,piet.jansen@example.nl,Copilot\n"));

        summary.RowsLoaded.ShouldBe(2, summary.Message);
        test.Query<DateTime>("select usage_date from fct_usage_daily order by 1").ShouldBe([new DateTime(2025, 1, 13), new DateTime(2025, 2, 3)]);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(100)] // more records spanning two lines than the typing maps with a CASE: the ASOF join path
    public void A_bad_row_after_values_with_line_breaks_is_named_by_its_own_line(int multiLineRecords)
    {
        var csv = new StringBuilder("date,user,tool,feature\n");
        for (var i = 0; i < multiLineRecords; i++)
            csv.Append($"2025-01-{i % 28 + 1:D2},an{i}@example.nl,Copilot,\"chat\nwith a line break\"\n");
        csv.Append("2025-13-01,bo@example.nl,Copilot,chat\n2025-01-06,cy@example.nl,Copilot,chat\n");

        var summary = test.Import(test.File("multiline.csv", csv.ToString()));

        // Each multi-line record takes two lines after the header: the bad one starts on line 2 + 2n.
        summary.RowsRejected.ShouldBe(1, summary.Message);
        summary.Message.ShouldContain($"first at line {2 + 2 * multiLineRecords}, column 1 (date): not a date");
    }
}
