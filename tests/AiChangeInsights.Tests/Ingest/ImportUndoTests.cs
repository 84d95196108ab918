using AiChangeInsights.Warehouse.Ingest;
using AiChangeInsights.Warehouse.Ingest.Survey;
using Dapper;

namespace AiChangeInsights.Tests.Ingest;

public sealed class ImportUndoTests : IDisposable
{
    readonly TestWarehouse test = new();

    public void Dispose() => test.Dispose();

    [Fact]
    public void Undo_removes_exactly_the_imports_rows_and_the_overlap_comes_back_from_the_other_import()
    {
        test.Import(test.File("roster.csv", "email,department\nan@example.nl,Verkoop\nbo@example.nl,Verkoop\n"));
        var before = test.DataCounts();
        var first = test.Import(test.File("week1.csv", "date,user,tool\n2025-01-06,an@example.nl,Copilot\n2025-01-07,an@example.nl,Copilot\n"));
        var second = test.Import(test.File("week1-2.csv", "date,user,tool\n2025-01-07,an@example.nl,Copilot\n2025-01-14,bo@example.nl,Copilot\n"));
        // Days: 6th and 7th from the first import, 14th from the second (its 7th is a duplicate) = 3.
        test.Scalar<long>("select count(*) from fct_usage_daily").ShouldBe(3);

        var result = new ImportUndo(test.Warehouse).Undo(first.ImportId!.Value, "analyst");

        // The first import's two raw rows are gone; the 7th comes back from the second import: 7th and 14th = 2 days.
        result.RowsRemoved.ShouldBe(2);
        test.Query<DateTime>("select usage_date from fct_usage_daily order by 1").ShouldBe([new DateTime(2025, 1, 7), new DateTime(2025, 1, 14)]);
        test.Scalar<string>("select status from import_history where import_id = $id", new { id = first.ImportId }).ShouldBe("undone");
        test.Scalar<string>("select undone_by from import_history where import_id = $id", new { id = first.ImportId }).ShouldBe("analyst");

        // Undoing the second too leaves the warehouse as it was after the roster.
        new ImportUndo(test.Warehouse).Undo(second.ImportId!.Value, "analyst");
        test.DataCounts().ShouldBe(before);
    }

    [Fact]
    public void The_usage_migration_counts_the_earliest_import_of_each_key()
    {
        // A warehouse from before migration 5: raw_usage without counted, two imports meeting on an 7 January.
        test.Warehouse.Write(c =>
        {
            c.Execute("""
                alter table raw_usage drop column counted;
                delete from schema_version where version = 5;
                insert into raw_usage values
                    (1, 1, date '2025-01-06', 'Copilot', '', 1, 1, 1),
                    (1, 1, date '2025-01-07', 'Copilot', '', 1, 1, 1),
                    (2, 1, date '2025-01-07', 'Copilot', '', 1, 1, 1),
                    (2, 2, date '2025-01-07', 'Copilot', '', 1, 1, 1);
                """);
            return 0;
        });

        test.Reopen();

        // Import 1 counts both its keys; import 2 only person 2's (person 1's 7 January is import 1's).
        test.Query<(int, int, DateTime, bool)>("select import_id, person_id, usage_date, counted from raw_usage order by all").ShouldBe([
            (1, 1, new DateTime(2025, 1, 6), true),
            (1, 1, new DateTime(2025, 1, 7), true),
            (2, 1, new DateTime(2025, 1, 7), false),
            (2, 2, new DateTime(2025, 1, 7), true),
        ]);
    }

    [Fact]
    public void An_undone_file_can_be_imported_again_and_an_undone_import_cannot_be_undone_twice()
    {
        var path = test.File("roster.csv", "email,department\nan@example.nl,Verkoop\n");
        var first = test.Import(path);
        new ImportUndo(test.Warehouse).Undo(first.ImportId!.Value, "analyst");
        test.Scalar<long>("select count(*) from person").ShouldBe(0); // first seen in the undone import, nowhere else

        test.Import(path).Status.ShouldBe("loaded");
        Should.Throw<InvalidOperationException>(() => new ImportUndo(test.Warehouse).Undo(first.ImportId!.Value, "analyst"))
            .Message.ShouldContain("only a loaded import can be undone");
    }

    [Fact]
    public void Undoing_a_survey_wave_removes_its_keyword_mappings_but_keeps_what_an_analyst_confirmed()
    {
        var wave = test.Import(test.File("pulse.csv", "response_id,submitted_at,department,\"Ik vertrouw AI.\",\"Ik vind AI nuttig.\"\nR1,2025-03-10,Verkoop,4,5\n"));
        new SurveyMapping(test.Warehouse).Confirm("Pulse", [new("Ik vertrouw AI.", "trust", false)], "analyst");

        new ImportUndo(test.Warehouse).Undo(wave.ImportId!.Value, "analyst");

        test.Query<(string Question, string MappedBy)>("select question, mapped_by from survey_question").ShouldBe([("Ik vertrouw AI.", "analyst")]);
        test.Scalar<long>("select count(*) from fct_survey_answer").ShouldBe(0);
    }

    [Fact]
    public void A_confirmed_mapping_changes_every_wave_at_once_and_the_next_wave_keeps_it()
    {
        test.Import(test.File("pulse_2025-03.csv", "response_id,submitted_at,department,\"Werken met AI bevalt me.\"\nR1,2025-03-10,Verkoop,4\n"));
        var mapping = new SurveyMapping(test.Warehouse);
        mapping.Questions("Pulse").Single().Construct.ShouldBe("unmapped");
        mapping.Unconfirmed().ShouldBe([("Pulse", 1L)]);

        mapping.Confirm("Pulse", [new("Werken met AI bevalt me.", "satisfaction", false)], "analyst").ShouldBe(1);
        test.Scalar<string>("select construct from fct_survey_answer").ShouldBe("satisfaction");

        var next = test.Import(test.File("pulse_2025-06.csv", "response_id,submitted_at,department,\"Werken met AI bevalt me.\"\nR2,2025-06-10,Verkoop,2\n"));
        next.Message.ShouldNotContain("keyword defaults");
        test.Scalar<long>("select count(*) from fct_survey_answer where construct = 'satisfaction'").ShouldBe(2);
        Should.Throw<ArgumentException>(() => mapping.Confirm("Pulse", [new("Werken met AI bevalt me.", "happiness", false)], "analyst"));
    }
}
