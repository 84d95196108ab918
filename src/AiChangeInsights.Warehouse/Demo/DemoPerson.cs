namespace AiChangeInsights.Warehouse.Demo;

internal enum PersonRole { Staff, Manager, Leadership }

/// <summary>The seed article's four resistance types; None = no dominant concern.</summary>
internal enum ResistanceType { None, Competence, Status, Control, Ethics }

internal sealed record Course(string Name, string Level, double Hours)
{
    public static Course Basics { get; } = new("AI-basis (AI-rijbewijs module 1)", "basic", 3);
    public static Course OfficeCopilot { get; } = new("Copilot in Outlook en Teams", "basic", 2);
    public static Course Ethics { get; } = new("AI-ethiek en privacy", "basic", 2);
    public static Course Excel { get; } = new("Copilot in Excel", "advanced", 3);
    public static Course Prompting { get; } = new("Prompten voor gevorderden", "advanced", 4);
    public static Course Expert { get; } = new("AI-expert: eigen assistenten bouwen", "expert", 8);
}

internal sealed record CourseEnrolment(Course Course, DateOnly EnrolledAt, DateOnly? CompletedAt, int? Score)
{
    public const int PassMark = 60;
}

internal sealed class DemoPerson
{
    public required DemoDepartment Department { get; init; }
    public required string FullName { get; init; }
    public required string Email { get; init; }
    public required string JobTitle { get; init; }
    public required PersonRole Role { get; init; }

    /// <summary>Personal eagerness around 1, before the training and champion factors.</summary>
    public required double Eagerness { get; init; }

    /// <summary>Personal survey positivity around 0, correlated with eagerness.</summary>
    public required double Mood { get; init; }

    public int Number { get; set; }
    public bool InTargetGroup { get; set; }
    public bool IsChampion { get; set; }
    public bool IsLearner { get; set; }
    public bool IsRefuser { get; set; }
    public bool UsesChatGpt { get; set; }
    public ResistanceType Resistance { get; set; }
    public List<CourseEnrolment> Courses { get; } = [];

    public bool IsManagerLevel => Role != PersonRole.Staff;

    /// <summary>Managers in departments where leadership sets the example, and champions, use AI most days.</summary>
    public bool IsHeavyUser => IsChampion || (IsManagerLevel && Department.ManagersActive);

    /// <summary>
    /// Participants of training and workshops adopt more (x1.3), non-participants less (x0.75); champions are
    /// the first to try things. Calibration of the department base keeps the department average where it should be.
    /// </summary>
    public double Propensity => Eagerness * (IsLearner ? 1.3 : 0.75) * (IsChampion ? 1.3 : 1.0);

    /// <summary>Chance of using AI in a month, leaving the refuser flag aside (see <see cref="ActivitySampler"/>).</summary>
    public double UsageChance(int monthSinceRollout, double departmentBase)
    {
        if (!InTargetGroup || monthSinceRollout < 1) return 0;
        // Managers either set the example (almost every month) or rarely touch AI (about one month in five).
        if (IsManagerLevel) return Department.ManagersActive ? 0.95 : 0.20;
        return Math.Min(0.97, departmentBase * AdoptionCurve.At(monthSinceRollout) * Propensity);
    }

    public double ActivityProbability(int monthSinceRollout, double departmentBase) =>
        IsRefuser ? 0 : UsageChance(monthSinceRollout, departmentBase);
}
