namespace AiChangeInsights.Warehouse.Demo;

internal sealed class DemoDepartment
{
    public required int Index { get; init; }
    public required string Name { get; init; }
    public required DepartmentFunction Function { get; init; }
    public required int Size { get; init; }

    /// <summary>Leadership effect: managers here use AI themselves (seed: adoption 62 % instead of 34 %).</summary>
    public required bool ManagersActive { get; init; }

    /// <summary>Average monthly adoption of the target group after rollout that calibration aims for.</summary>
    public required double TargetAdoption { get; init; }

    public required int RolloutMonth { get; init; }
    public required DateOnly RolloutDate { get; init; }

    /// <summary>How much change activity the department gets (0..1): the lever the correlation view should find.</summary>
    public required double ActivityIntensity { get; init; }

    /// <summary>Shift of survey positivity (satisfaction, trust, usefulness, recommend).</summary>
    public required double Mood { get; init; }

    /// <summary>Shift of the culture items (error culture, participation, experimenting, transparency).</summary>
    public required double Culture { get; init; }

    /// <summary>Maturity stage (1-5) at each assessment, in assessment order.</summary>
    public required int[] Maturity { get; init; }

    /// <summary>Departments calibrated together share one base activity level.</summary>
    public required int CalibrationGroup { get; init; }

    public double BaseActivity { get; set; }

    public List<DemoPerson> Members { get; } = [];

    public int TargetGroupSize => Members.Count(p => p.InTargetGroup);
}
