namespace AiChangeInsights.Tests.Sql.Kpi;

/// <summary>
/// A hand-sized organisation for KPI tests, imported through the real importers. Every expected number in the
/// tests that use it is worked out from these rows:
///   Verkoop   a (manager), b, c         target group, rollout 06-01-2025
///   Productie d, e (target group), f (not)        rollout 06-01-2025
///   x@example.nl uses AI but is in no roster
/// Usage: Jan a (2 days: 10 + 20 min; chat, draft), b (1 day, 5 min, chat), d (1 day, 30 min, chat), x (1 day);
///        Feb a (1 day, 15 min); no usage export at all for March; Apr b, c, d, e (1 day, 10 min each).
/// So dim_month = Oct 2024 (the first business metric, also the baseline quarter's start) to Apr 2025 (go-live Jan 2025 =
/// month 1); usage KPIs exist in Jan, Feb and Apr only: the baseline has no usage export, and March lies inside the log's
/// span without a single row (a missing export).
/// </summary>
public static class SmallOrganisation
{
    public static void Load(TestWarehouse test)
    {
        Import(test, "roster.csv", """
            email,department,role,target_group,rollout_date
            a@example.nl,Verkoop,Hoofd Verkoop,ja,2025-01-06
            b@example.nl,Verkoop,Accountmanager,ja,2025-01-06
            c@example.nl,Verkoop,Binnendienst,ja,2025-01-06
            d@example.nl,Productie,Monteur,ja,2025-01-06
            e@example.nl,Productie,Monteur,ja,2025-01-06
            f@example.nl,Productie,Monteur,nee,2025-01-06
            """);
        Import(test, "usage_copilot.csv", """
            date,user,tool,feature,duration_minutes,actions
            2025-01-06,a@example.nl,Copilot,chat,10,1
            2025-01-07,a@example.nl,Copilot,draft,20,1
            2025-01-08,b@example.nl,Copilot,chat,5,1
            2025-01-09,d@example.nl,Copilot,chat,30,1
            2025-01-09,x@example.nl,Copilot,chat,30,1
            2025-02-03,a@example.nl,Copilot,chat,15,1
            2025-04-01,b@example.nl,Copilot,chat,10,1
            2025-04-01,c@example.nl,Copilot,chat,10,1
            2025-04-02,d@example.nl,Copilot,chat,10,1
            2025-04-02,e@example.nl,Copilot,chat,10,1
            """);
        Import(test, "training.csv", """
            user,course,level,enrolled_at,completed_at,score,passed
            a@example.nl,AI-basis,basic,2025-01-02,2025-01-20,80,yes
            b@example.nl,AI-basis,basic,2025-01-02,,,
            d@example.nl,AI-basis,basic,2025-03-02,2025-04-02,40,no
            """);
        Import(test, "tickets.csv", """
            created_at,department,category,ai_related
            2025-01-10 09:00,Verkoop,prompting,yes
            2025-01-11 09:00,Verkoop,hardware,no
            2025-04-10 09:00,Productie,prompting,yes
            2025-04-11 09:00,Productie,login,yes
            """);
        Import(test, "metrics.csv", """
            period,department,metric,value
            2024-10,Verkoop,error_rate,10
            2024-11,Verkoop,error_rate,12
            2024-12,Verkoop,error_rate,8
            2025-01,Verkoop,error_rate,8
            2025-01,Verkoop,hours_saved,6
            2025-04,Verkoop,error_rate,6
            """);
        Import(test, "ideas.csv", """
            submitted_at,departments,title,status
            2025-01-15,Verkoop|Productie,Offerte-assistent,implemented
            2025-02-10,Verkoop,Mailsjabloon,submitted
            """);
    }

    /// <summary>The organisation loaded once for a test class that only reads.</summary>
    public sealed class Loaded : IDisposable
    {
        public TestWarehouse Test { get; } = new();

        public Loaded() => Load(Test);

        public void Dispose() => Test.Dispose();
    }

    static void Import(TestWarehouse test, string name, string content)
    {
        var summary = test.Import(test.File(name, content + "\n"));
        summary.Status.ShouldBe("loaded", summary.Message);
        summary.RowsRejected.ShouldBe(0, summary.Message);
    }
}
