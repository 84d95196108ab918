namespace AiChangeInsights.Tests.Ingest.Vendors;

/// <summary>The sample exports under Samples/ (built from each vendor's documentation) and checks every vendor test shares.</summary>
public static class VendorSamples
{
    /// <summary>Four people of a small Dutch firm, as an HR export would list them.</summary>
    public const string Roster = """
        email,department
        an.devries@example.nl,Verkoop
        bram.jansen@example.nl,Verkoop
        cor.bakker@example.nl,Productie
        dirk.visser@example.nl,Productie

        """;

    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "Ingest", "Vendors", "Samples", name);

    /// <summary>No text cell of any table holds an e-mail address or one of the given names (the warehouse stores pseudonyms only).</summary>
    public static void ShouldStoreNoNamesOrEmails(this TestWarehouse test, params string[] names)
    {
        var columns = test.Query<(string Table, string Column)>("""
            select c.table_name, c.column_name from duckdb_columns() c
            join duckdb_tables() t on t.table_name = c.table_name and t.schema_name = c.schema_name and t.database_name = c.database_name
            where c.schema_name = 'main' and not t.temporary and c.data_type = 'VARCHAR'
            """);
        columns.ShouldNotBeEmpty();
        foreach (var (table, column) in columns)
        {
            var found = test.Query<string>($"""select "{column}" from "{table}" where "{column}" like '%@%' limit 1""");
            found.ShouldBeEmpty($"{table}.{column} holds an e-mail address");
            foreach (var name in names)
                // A pseudonym or checksum (64 hex digits) may hold an ID's digits by chance ('1001'): it is no name.
                test.Scalar<long>($"""
                    select count(*) from "{table}" where "{column}" ilike $name and not (length("{column}") = 64 and regexp_full_match("{column}", '[0-9a-f]+'))
                    """, new { name = $"%{name}%" })
                    .ShouldBe(0, $"{table}.{column} holds the name '{name}'");
        }
    }
}
