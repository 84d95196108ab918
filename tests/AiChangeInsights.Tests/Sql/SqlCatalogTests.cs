using AiChangeInsights.Warehouse.Sql;

namespace AiChangeInsights.Tests.Sql;

public sealed class SqlCatalogTests
{
    [Fact]
    public void Opening_a_new_warehouse_applies_every_migration_and_records_the_version()
    {
        using var test = new TestWarehouse();
        var migrations = SqlCatalog.Embedded.Migrations;

        test.Scalar<long>("select count(*) from schema_version").ShouldBe(migrations.Count);
        test.Warehouse.SchemaVersion.ShouldBe(test.Scalar<int>("select max(version) from schema_version"));
        test.Warehouse.SchemaVersion.ShouldBeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public void Every_staging_mart_and_kpi_file_becomes_an_object_of_the_same_name()
    {
        using var test = new TestWarehouse();
        var objects = test.Query<string>("select table_name from information_schema.tables").ToHashSet();

        foreach (var file in SqlCatalog.Embedded.Derived) objects.ShouldContain(file.Name, $"sql/{file.Layer}/{file.Name}.sql");
    }

    [Fact]
    public void Reopening_is_harmless_and_keeps_the_data()
    {
        using var test = new TestWarehouse();
        test.Import(test.File("roster.csv", "email,department\nan@example.nl,Verkoop\n"));
        var version = test.Warehouse.SchemaVersion;

        test.Reopen();
        test.Reopen();

        test.Warehouse.SchemaVersion.ShouldBe(version);
        test.Scalar<long>("select count(*) from schema_version").ShouldBe(SqlCatalog.Embedded.Migrations.Count);
        test.Scalar<long>("select count(*) from dim_person").ShouldBe(1);
    }

    [Fact]
    public void Objects_come_after_the_objects_they_read()
    {
        var order = SqlCatalog.Embedded.Derived.Select(f => f.Name).ToList();

        order.IndexOf("kpi_monthly").ShouldBeGreaterThan(order.IndexOf("adoption_rate"));
        order.IndexOf("adoption_rate").ShouldBeGreaterThan(order.IndexOf("agg_usage_department_monthly"));
        order.IndexOf("dim_person").ShouldBeGreaterThan(order.IndexOf("dim_organisation"));
        order.IndexOf("dim_organisation").ShouldBeGreaterThan(order.IndexOf("fct_usage_daily"));
    }

    [Fact]
    public void A_view_reads_no_view_named_after_it_because_a_backup_recreates_views_in_name_order()
    {
        // EXPORT DATABASE writes views sorted by name and IMPORT DATABASE creates them in that order: a view over a
        // later-named view would make every restore fail (fct_usage_daily over stg_usage__day did).
        var catalog = SqlCatalog.Embedded;
        var views = catalog.Derived.Where(f => !f.Materialised).ToDictionary(f => f.Name);
        var later = views.Values
            .SelectMany(v => v.References.Where(r => r != v.Name && views.ContainsKey(r) && string.CompareOrdinal(r, v.Name) > 0)
                .Select(r => $"{v.Name} reads {r}"))
            .ToList();

        later.ShouldBeEmpty();
    }

    [Fact]
    public void A_view_that_becomes_materialised_is_replaced_by_a_table_on_the_next_start()
    {
        using var connection = new DuckDB.NET.Data.DuckDBConnection("Data Source=:memory:");
        connection.Open();
        SqlCatalog.FromFiles([new SqlFile("kpi", "answer", "select 42 as value")]).Apply(connection);
        SqlCatalog.FromFiles([new SqlFile("kpi", "answer", "-- materialise: table\nselect 42 as value")]).Apply(connection);

        Dapper.SqlMapper.ExecuteScalar<string>(connection, "select table_type from information_schema.tables where table_name = 'answer'")
            .ShouldBe("BASE TABLE");
    }

    [Fact]
    public void A_refresh_reaches_through_views_and_stops_where_a_mart_kept_its_rows()
    {
        using var connection = new DuckDB.NET.Data.DuckDBConnection("Data Source=:memory:");
        connection.Open();
        var catalog = SqlCatalog.FromFiles([
            new SqlFile("schema", "0001_create", "create table raw_a (k integer, v integer)"),
            new SqlFile("staging", "stg_a", "select k, v from raw_a"),
            new SqlFile("marts", "mart_keys", "select distinct k from stg_a"),
            new SqlFile("marts", "mart_key_count", "select count(*) as n from mart_keys"),
            new SqlFile("marts", "mart_total", "select sum(v)::bigint as total from stg_a"),
            new SqlFile("marts", "mart_top", "select max(v) as top from stg_a"),
            new SqlFile("marts", "mart_top_twice", "select top * 2 as twice from mart_top"),
        ]);
        catalog.Apply(connection);

        List<string> Refresh(string insert)
        {
            Dapper.SqlMapper.Execute(connection, insert);
            var before = Dapper.SqlMapper.ExecuteScalar<DateTime>(connection, "select max(built_at) from derived_object");
            Thread.Sleep(2); // now() of the next transaction is later
            using (var transaction = connection.BeginTransaction())
            {
                catalog.RefreshMarts(connection, transaction, ["raw_a"]);
                transaction.Commit();
            }
            return Dapper.SqlMapper.Query<string>(connection, "select name from derived_object where built_at > $before order by name", new { before }).ToList();
        }

        // Key 1 is new: mart_keys changes, so mart_key_count (which reads it) is made again; the view stg_a passes it on.
        // mart_top keeps one row but its value moves (null -> 10), so mart_top_twice is made again too.
        Refresh("insert into raw_a values (1, 10)").ShouldBe(["mart_key_count", "mart_keys", "mart_top", "mart_top_twice", "mart_total"]);
        // Key 1 again: mart_keys is made again with the same row, so mart_key_count stays; mart_total reads the values.
        // mart_top: one row before and after, 10 -> 20: the same count of rows, but compared row by row it changed.
        Refresh("insert into raw_a values (1, 20)").ShouldBe(["mart_keys", "mart_top", "mart_top_twice", "mart_total"]);
        // Key 2: mart_keys goes from one row to two (a change told by the count alone); the top stays 20.
        Refresh("insert into raw_a values (2, 5)").ShouldBe(["mart_key_count", "mart_keys", "mart_top", "mart_total"]);
        Dapper.SqlMapper.ExecuteScalar<long>(connection, "select total from mart_total").ShouldBe(35); // 10 + 20 + 5
        Dapper.SqlMapper.ExecuteScalar<long>(connection, "select n from mart_key_count").ShouldBe(2);
        Dapper.SqlMapper.ExecuteScalar<long>(connection, "select twice from mart_top_twice").ShouldBe(40); // 2 x 20
    }
}
