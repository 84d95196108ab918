namespace AiChangeInsights.Warehouse.Demo;

/// <summary>
/// Decides, month by month, which target-group people use AI. Systematic sampling within each department: every
/// person is selected with exactly their own probability, while the department's count stays within one of its
/// expected value; with 140 people, independent draws would add several points of noise to the curve and to the
/// 62 %/34 % split that the demo exists to show. Refusers keep their place in the sampling (their selection is
/// simply not used), so who is a refuser does not change anyone else's months.
/// </summary>
internal sealed class ActivitySampler
{
    private readonly Random random;
    private readonly DemoPerson[] users;
    private readonly int[][] usersByDepartment;

    public ActivitySampler(IReadOnlyList<DemoPerson> people, IReadOnlyList<DemoDepartment> departments, int seed)
    {
        random = new Random(seed);
        users = people.Where(p => p.InTargetGroup).ToArray();
        usersByDepartment = departments
            .Select(d => Enumerable.Range(0, users.Length).Where(i => users[i].Department == d).ToArray())
            .ToArray();
        Selected = new bool[users.Length];
        FirstMonth = departments.Min(d => d.RolloutMonth);
    }

    /// <summary>The first month anyone can be active; months must be sampled in order from here.</summary>
    public int FirstMonth { get; }

    /// <summary>Target-group people in personnel-number order; <see cref="Selected"/> is indexed the same way.</summary>
    public IReadOnlyList<DemoPerson> Users => users;

    public bool[] Selected { get; }

    public bool IsActive(int user) => Selected[user] && !users[user].IsRefuser;

    public void Sample(int month)
    {
        Array.Clear(Selected);
        foreach (var members in usersByDepartment)
        {
            if (members.Length == 0) continue;
            var department = users[members[0]].Department;
            var monthSinceRollout = month - department.RolloutMonth + 1;
            if (monthSinceRollout < 1) continue;
            var start = random.NextDouble();
            var cumulative = 0.0;
            foreach (var i in random.Shuffled(members))
            {
                var before = Math.Floor(cumulative - start);
                cumulative += users[i].UsageChance(monthSinceRollout, department.BaseActivity);
                Selected[i] = Math.Floor(cumulative - start) > before;
            }
        }
    }
}
