namespace AiChangeInsights.Tests.Sql;

/// <summary>
/// fct_usage_monthly per tool and for all tools: a day used in two tools is one active day of 'All', and a feature
/// counts per tool (chat in Copilot and chat in ChatGPT are two features of 'All').
/// </summary>
public sealed class UsageMonthlyTests : IDisposable
{
    readonly TestWarehouse test = new();

    public void Dispose() => test.Dispose();

    [Fact]
    public void All_tools_count_a_shared_day_once_and_each_tools_features()
    {
        var summary = test.Import(test.File("usage.csv", """
            date,user,tool,feature,duration_minutes,actions
            2025-01-06,a@example.nl,Copilot,chat,10,1
            2025-01-06,a@example.nl,ChatGPT,chat,5,1
            2025-01-07,a@example.nl,Copilot,draft,20,1
            2025-01-31,a@example.nl,Copilot,chat,1,1
            2025-02-01,a@example.nl,ChatGPT,chat,2,1

            """));
        summary.Status.ShouldBe("loaded");

        test.Query<string>("""
            select strftime(month, '%Y-%m') || ' ' || tool || ' ' || active_days || ' ' || minutes || ' ' || features || ' ' || events
            from fct_usage_monthly order by month, tool
            """).ShouldBe([
            // January: days 6, 7 and 31 (the last day of a month counts too); 6 is in both tools but one day of 'All'.
            // Minutes 10 + 5 + 20 + 1 = 36; features Copilot chat, Copilot draft, ChatGPT chat = 3; 4 events.
            "2025-01 All 3 36.00 3 4",
            "2025-01 ChatGPT 1 5.00 1 1",
            "2025-01 Copilot 3 31.00 2 3", // 10 + 20 + 1 minutes, chat and draft
            "2025-02 All 1 2.00 1 1",
            "2025-02 ChatGPT 1 2.00 1 1",
        ]);
    }
}
