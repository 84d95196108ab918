using System.Globalization;

namespace AiChangeInsights.Warehouse.Demo;

/// <summary>
/// The people and departments behind every export: who is a manager, champion, course participant or refuser,
/// and each department's calibrated base activity so that the leadership effect comes out at the seed's figures.
/// </summary>
internal sealed class FictionalOrganisation
{
    private const double RefuserShare = 0.04;      // seed: 3-5 % never use AI, even with support
    private const double ResisterShare = 0.55;     // share of respondents with one dominant concern
    private static readonly double[] ResistanceWeights = [37, 24, 22, 17];

    // The article's checkpoints: baseline, 3, 6 and 12 months, then every half year; maturity is assessed half-yearly.
    private static readonly int[] SurveyWaveMonths = [0, 3, 6, 12, 18, 24, 30, 36];
    private static readonly int[] AssessmentMonthCandidates = [0, 6, 12, 18, 24, 30, 36];

    private readonly int seed;

    private FictionalOrganisation(DemoScale scale, int seed, WorkingCalendar calendar, List<DemoDepartment> departments, List<DemoPerson> people)
    {
        this.seed = seed;
        Scale = scale;
        Calendar = calendar;
        Departments = departments;
        People = people;
    }

    public DemoScale Scale { get; }
    public WorkingCalendar Calendar { get; }
    public IReadOnlyList<DemoDepartment> Departments { get; }

    /// <summary>Everyone on the roster, in personnel-number order.</summary>
    public IReadOnlyList<DemoPerson> People { get; }

    public bool IsDemo => Scale == DemoScale.Demo;
    public int FirstMonth => Scale.FirstMonth;
    public int LastMonth => Scale.LastMonth;
    public DateOnly LastDay => Calendar.MonthStart(LastMonth + 1).AddDays(-1);

    public IReadOnlyList<int> SurveyWaves => SurveyWaveMonths.Where(InRange).ToArray();

    public IReadOnlyList<int> AssessmentMonths => AssessmentMonthsOf(Scale);

    public static FictionalOrganisation Build(DemoScale scale, int seed)
    {
        var random = new Random(seed);
        var calendar = new WorkingCalendar(scale.GoLive);
        var isDemo = scale == DemoScale.Demo;
        var domain = isDemo ? "vandijk-machinebouw.nl" : "noordkust-groep.nl";
        var assessments = AssessmentMonthsOf(scale).Length;
        var departments = isDemo
            ? VanDijkDepartments(calendar)
            : GeneratedDepartments(scale, random, calendar, assessments);

        var names = new DutchNames(domain);
        foreach (var department in departments) Staff(department, random, names);

        // Personnel numbers follow hiring order, not the department list.
        var people = random.Shuffled(departments.SelectMany(d => d.Members));
        for (var i = 0; i < people.Count; i++) people[i].Number = 1001 + i;

        foreach (var person in people)
        {
            person.IsLearner = person.InTargetGroup && random.Chance(LearnerChance(person));
            person.UsesChatGpt = person.InTargetGroup && random.Chance(0.30);
        }

        ChooseRefusersAndCalibrate(people, departments, random, scale.LastMonth, SamplerSeed(seed));

        AssignResistance(people, random);

        var organisation = new FictionalOrganisation(scale, seed, calendar, departments, people);
        foreach (var person in people) organisation.PlanCourses(person, random);
        return organisation;
    }

    /// <summary>
    /// Exact quotas rather than a draw per person: with 140 people a draw easily puts competence worries at 45 %
    /// instead of the seed's 37 %. Refusers always carry a dominant worry.
    /// </summary>
    private static void AssignResistance(List<DemoPerson> people, Random random)
    {
        var resisters = people.Where(p => p.IsRefuser)
            .Concat(random.Shuffled(people.Where(p => !p.IsRefuser)))
            .Take((int)Math.Round(ResisterShare * people.Count))
            .ToList();
        var total = ResistanceWeights.Sum();
        var types = Enumerable.Range(0, resisters.Count).Select(i =>
        {
            var quantile = (i + 0.5) / resisters.Count * total;
            var type = 0;
            var cumulative = ResistanceWeights[0];
            while (quantile > cumulative && type < ResistanceWeights.Length - 1) cumulative += ResistanceWeights[++type];
            return (ResistanceType)(type + 1);
        });
        foreach (var (person, type) in resisters.Zip(random.Shuffled(types))) person.Resistance = type;
    }

    /// <summary>A fresh sampler that replays exactly the months the refuser choice was based on.</summary>
    public ActivitySampler ActivitySampler() => new(People, Departments, SamplerSeed(seed));

    private static int SamplerSeed(int seed) => unchecked(seed * 31 + 101);

    private bool InRange(int month) => month >= FirstMonth && month <= LastMonth;

    private static int[] AssessmentMonthsOf(DemoScale scale) =>
        AssessmentMonthCandidates.Where(m => m >= scale.FirstMonth && m <= scale.LastMonth).ToArray();

    /// <summary>Van Dijk Machinebouw: the managers of Engineering, Klantenservice and Directie use AI themselves.</summary>
    private static List<DemoDepartment> VanDijkDepartments(WorkingCalendar calendar)
    {
        DemoDepartment Department(int index, DepartmentFunction function, int size, bool managersActive, int rolloutMonth,
            double intensity, double mood, double culture, int[] maturity) => new()
        {
            Index = index,
            Name = function.Name,
            Function = function,
            Size = size,
            ManagersActive = managersActive,
            TargetAdoption = managersActive ? 0.62 : 0.34,
            RolloutMonth = rolloutMonth,
            RolloutDate = calendar.RolloutDate(rolloutMonth),
            ActivityIntensity = intensity,
            Mood = mood,
            Culture = culture,
            Maturity = maturity,
            CalibrationGroup = managersActive ? 1 : 0,
        };

        return
        [
            Department(0, DepartmentFunction.Engineering, 34, true, 1, 1.00, 0.35, 0.45, [2, 3, 4]),
            Department(1, DepartmentFunction.Production, 40, false, 1, 0.35, -0.15, -0.25, [1, 1, 1]),
            Department(2, DepartmentFunction.Sales, 20, false, 1, 0.50, -0.05, 0.00, [1, 1, 2]),
            Department(3, DepartmentFunction.CustomerService, 22, true, 3, 0.90, 0.30, 0.30, [1, 2, 3]),
            Department(4, DepartmentFunction.FinanceAndHr, 19, false, 3, 0.45, -0.10, 0.05, [1, 2, 2]),
            Department(5, DepartmentFunction.Board, 5, true, 1, 0.80, 0.35, 0.30, [1, 2, 3]),
        ];
    }

    private static List<DemoDepartment> GeneratedDepartments(DemoScale scale, Random random, WorkingCalendar calendar, int assessments)
    {
        var boardSize = Math.Clamp(5 + scale.People / 1000, 5, 15);
        var departments = new List<DemoDepartment>
        {
            new()
            {
                // Mostly directors who use AI almost every month: the board sits well above the other departments.
                Index = 0, Name = "Directie", Function = DepartmentFunction.Board, Size = boardSize, ManagersActive = true,
                TargetAdoption = 0.85, RolloutMonth = 1, RolloutDate = calendar.RolloutDate(1), ActivityIntensity = 0.8,
                Mood = 0.35, Culture = 0.30, Maturity = MaturityPath(random, true, assessments), CalibrationGroup = 0,
            },
        };

        var functions = DepartmentFunction.ForLargeOrganisations;
        var functionWeights = functions.Select(f => f.Weight).ToArray();
        var counters = new Dictionary<string, int>(StringComparer.Ordinal);
        var rolloutMonths = new[] { 1, 3, 6, 9 };
        foreach (var size in DepartmentSizes(random, Math.Max(1, scale.Departments - 1), scale.People - boardSize))
        {
            var function = functions[random.PickWeighted(functionWeights)].Function;
            var number = counters[function.Name] = counters.GetValueOrDefault(function.Name) + 1;
            var managersActive = random.Chance(0.45);
            var rolloutMonth = Math.Min(scale.LastMonth, rolloutMonths[random.PickWeighted([0.6, 0.2, 0.1, 0.1])]);
            departments.Add(new()
            {
                Index = departments.Count,
                Name = $"{function.Name} {number.ToString("00", CultureInfo.InvariantCulture)}",
                Function = function,
                Size = size,
                ManagersActive = managersActive,
                TargetAdoption = (managersActive ? 0.62 : 0.34) + random.Between(-0.05, 0.05),
                RolloutMonth = rolloutMonth,
                RolloutDate = calendar.RolloutDate(rolloutMonth),
                ActivityIntensity = managersActive ? random.Between(0.7, 1.0) : random.Between(0.3, 0.6),
                Mood = (managersActive ? 0.30 : -0.10) + random.Between(-0.1, 0.1),
                Culture = (managersActive ? 0.35 : -0.10) + random.Between(-0.15, 0.15),
                Maturity = MaturityPath(random, managersActive, assessments),
                CalibrationGroup = departments.Count,
            });
        }
        return departments;
    }

    /// <summary>Sizes between 20 and 400 (skewed towards small teams) that add up to exactly the head count.</summary>
    private static int[] DepartmentSizes(Random random, int count, int total)
    {
        var min = Math.Min(20, total / count);
        var max = Math.Max(400, (total + count - 1) / count);
        var weights = new double[count];
        for (var i = 0; i < count; i++)
        {
            var u = random.NextDouble();
            weights[i] = 20 + 380 * u * u;
        }
        // Scale to the head count; departments that hit the maximum stay there and the rest absorb the difference.
        var capped = new bool[count];
        double factor;
        while (true)
        {
            factor = (total - capped.Count(c => c) * (double)max) / weights.Where((_, i) => !capped[i]).Sum();
            var newlyCapped = false;
            for (var i = 0; i < count; i++)
            {
                if (capped[i] || weights[i] * factor <= max) continue;
                capped[i] = newlyCapped = true;
            }
            if (!newlyCapped || capped.All(c => c)) break;
        }
        var sizes = weights.Select((w, i) => capped[i] ? max : Math.Clamp((int)Math.Round(w * factor), min, max)).ToArray();
        for (var missing = total - sizes.Sum(); missing != 0;)
        {
            var i = random.Next(count);
            if (missing > 0 && sizes[i] < max) { sizes[i]++; missing--; }
            else if (missing < 0 && sizes[i] > min) { sizes[i]--; missing++; }
        }
        return sizes;
    }

    /// <summary>Most SMEs start at exploration; departments whose managers lead climb further (seed: 47/28/19/5/1 %).</summary>
    private static int[] MaturityPath(Random random, bool managersActive, int assessments)
    {
        var start = random.Chance(0.15) ? 2 : 1;
        var end = managersActive ? 2 + random.PickWeighted([25, 45, 25, 5]) : 1 + random.PickWeighted([45, 40, 15]);
        end = Math.Max(start, end);
        return Enumerable.Range(0, assessments)
            .Select(j => assessments == 1 ? end : start + (int)Math.Round((end - start) * j / (double)(assessments - 1)))
            .ToArray();
    }

    private static void Staff(DemoDepartment department, Random random, DutchNames names)
    {
        foreach (var (title, role) in JobTitles(department, random))
        {
            var eagerness = random.Gaussian();
            var (fullName, email) = names.Next(random);
            department.Members.Add(new DemoPerson
            {
                Department = department,
                FullName = fullName,
                Email = email,
                JobTitle = title,
                Role = role,
                Eagerness = Math.Clamp(1 + 0.25 * eagerness, 0.45, 1.7),
                Mood = 0.45 * (0.6 * eagerness + 0.8 * random.Gaussian()),
                InTargetGroup = true,
            });
        }

        // About 5 % are outside the target group, mostly shop-floor jobs in production and logistics without a screen.
        var outsideShare = department.Function.Name is "Productie" or "Logistiek" ? 0.10 : 0.03;
        var staff = department.Members.Where(p => p.Role == PersonRole.Staff);
        foreach (var person in random.Shuffled(staff).Take((int)Math.Round(department.Size * outsideShare))) person.InTargetGroup = false;

        var champions = (int)Math.Round(department.Size / 12.0);
        var candidates = department.Members.Where(p => p.Role == PersonRole.Staff && p.InTargetGroup);
        foreach (var champion in random.Shuffled(candidates).Take(champions)) champion.IsChampion = true;
    }

    private static IEnumerable<(string Title, PersonRole Role)> JobTitles(DemoDepartment department, Random random)
    {
        var function = department.Function;
        var size = department.Size;
        if (function == DepartmentFunction.Board)
        {
            string[] directors = ["Algemeen directeur", "Financieel directeur", "Directeur Operations", "Directeur Commercie", "Directeur HR", "Directeur Techniek"];
            var leaders = Math.Clamp(size - 2, 1, directors.Length);
            for (var i = 0; i < leaders; i++) yield return (directors[i], PersonRole.Leadership);
            if (size > leaders) yield return (function.Head, PersonRole.Manager);
            // Not "Directiesecretaris": role detection reads "directie" in a job title as leadership.
            for (var i = leaders + 1; i < size; i++) yield return (i % 2 == 0 ? "Managementassistent" : "Secretaresse", PersonRole.Staff);
            yield break;
        }

        var managers = Math.Max(1, (int)Math.Round(size / 12.0));
        yield return (function.Head, PersonRole.Manager);
        for (var i = 1; i < managers; i++) yield return (function.TeamLead, PersonRole.Manager);
        var weights = function.Staff.Select(s => s.Weight).ToArray();
        for (var i = managers; i < size; i++) yield return (function.Staff[random.PickWeighted(weights)].Title, PersonRole.Staff);
    }

    private static double LearnerChance(DemoPerson person)
    {
        var department = person.Department;
        if (person.IsManagerLevel) return department.ManagersActive ? 1.0 : 0.3;
        if (person.IsChampion) return 1.0;
        // Where leaders take part, more people follow a course (seed: ~60 % overall).
        return 0.50 + 0.22 * Math.Clamp((department.TargetAdoption - 0.34) / 0.28, 0, 1);
    }

    /// <summary>
    /// About 4 % of the target group never uses AI. Some people would never be active by chance alone (low eagerness,
    /// months of bad luck); they count towards the 4 % and are marked refusers too, so the dashboard's never-active
    /// share lands on the seed's 3-5 % instead of refusers plus an unlucky tail.
    /// </summary>
    private static void ChooseRefusersAndCalibrate(List<DemoPerson> people, List<DemoDepartment> departments, Random random, int lastMonth, int samplerSeed)
    {
        var targetGroup = people.Count(p => p.InTargetGroup);
        var wanted = (int)Math.Round(RefuserShare * targetGroup);
        var designated = random.Shuffled(people.Where(p => p.InTargetGroup && p.Role == PersonRole.Staff && !p.IsChampion)).Take(wanted).ToList();
        foreach (var refuser in designated)
        {
            refuser.IsRefuser = true;
            refuser.IsLearner = false;
        }
        Calibrate(departments, lastMonth);

        // The usage export replays this same sampler, so "never selected" here is "never in the logs" there.
        var sampler = new ActivitySampler(people, departments, samplerSeed);
        var everSelected = new bool[sampler.Users.Count];
        for (var month = sampler.FirstMonth; month <= lastMonth; month++)
        {
            sampler.Sample(month);
            for (var i = 0; i < everSelected.Length; i++) everSelected[i] |= sampler.Selected[i];
        }
        var selectedOnce = sampler.Users.Where((_, i) => everSelected[i]).ToHashSet();
        var neverByChance = sampler.Users.Where(p => !selectedOnce.Contains(p) && !p.IsRefuser).ToList();
        foreach (var person in neverByChance.Where(p => p.Role == PersonRole.Staff)) person.IsRefuser = true;
        // Designated refusers the sampler did pick make room; they keep IsLearner = false, which the sampling already used.
        var surplus = Math.Max(0, designated.Count + neverByChance.Count - wanted);
        foreach (var person in designated.Where(selectedOnce.Contains).Reverse().Take(surplus)) person.IsRefuser = false;
    }

    private static void Calibrate(List<DemoDepartment> departments, int lastMonth)
    {
        // The seed's 34 % -> 62 % is adoption among employees ("onder medewerkers") where managers lead by
        // example: calibrate the staff, not the managers who set the example.
        foreach (var group in departments.GroupBy(d => d.CalibrationGroup))
        {
            static bool Employee(DemoPerson p) => p.InTargetGroup && p.Role == PersonRole.Staff;
            var members = group.SelectMany(d => d.Members).Where(Employee).ToList();
            if (members.Count == 0) continue;
            var target = group.Sum(d => d.TargetAdoption * d.Members.Count(Employee)) / members.Count;

            double MeanAdoption(double departmentBase)
            {
                double active = 0, months = 0;
                foreach (var person in members)
                {
                    for (var k = 1; k <= lastMonth - person.Department.RolloutMonth + 1; k++)
                    {
                        active += person.ActivityProbability(k, departmentBase);
                        months++;
                    }
                }
                return months == 0 ? 0 : active / months;
            }

            double low = 0, high = 5;
            for (var i = 0; i < 50; i++)
            {
                var middle = (low + high) / 2;
                if (MeanAdoption(middle) < target) low = middle; else high = middle;
            }
            foreach (var department in group) department.BaseActivity = (low + high) / 2;
        }
    }

    /// <summary>
    /// Course participants mostly finish the AI-rijbewijs basics in months 0-3 around their rollout; some go on to
    /// advanced courses, champions to the expert course. Others enrol and never finish.
    /// </summary>
    private void PlanCourses(DemoPerson person, Random random)
    {
        if (!person.InTargetGroup) return;
        var rollout = person.Department.RolloutMonth;
        if (!person.IsLearner)
        {
            if (random.Chance(person.IsRefuser ? 0.15 : 0.30)) Enrol(person, random, Course.Basics, rollout + random.Next(-1, 4), completes: false);
            return;
        }

        int[] offsets = [-1, 0, 1, 2, 3, 4, 5, 6, 7, 8];
        var offset = offsets[random.PickWeighted([30, 30, 15, 12, 5, 3, 2, 1.5, 1, 0.5])];
        if (Enrol(person, random, Course.Basics, rollout + offset, completes: true)?.CompletedAt is not { } done) return;

        var doneMonth = Calendar.MonthIndexOf(done);
        if (random.Chance(0.45))
        {
            var second = person.Department.Function.Name is "Financiën & HR" or "Financiën" or "Verkoop" or "Planning" or "Inkoop"
                ? Course.Excel
                : random.Chance(0.5) ? Course.OfficeCopilot : Course.Ethics;
            Enrol(person, random, second, doneMonth + random.Next(1, 5), completes: random.Chance(0.85));
        }
        if (random.Chance(person.IsChampion ? 0.6 : 0.2)) Enrol(person, random, Course.Prompting, doneMonth + random.Next(2, 7), completes: random.Chance(0.85));
        if (person.IsChampion) Enrol(person, random, Course.Expert, doneMonth + random.Next(3, 9), completes: random.Chance(0.75));
    }

    private CourseEnrolment? Enrol(DemoPerson person, Random random, Course course, int month, bool completes)
    {
        month = Math.Max(month, FirstMonth);
        if (month > LastMonth) return null;
        var enrolledAt = Calendar.RandomWorkingDay(random, month);
        DateOnly? completedAt = completes ? enrolledAt.AddDays(random.Next(3, 22)) : null;
        if (completedAt > LastDay) completedAt = null;
        // About one in twelve completions is a fail; the certification KPI should not be a flat 100 %.
        int? score = completedAt is null ? null : random.Chance(0.08) ? random.Next(35, CourseEnrolment.PassMark) : random.Next(CourseEnrolment.PassMark, 101);
        var enrolment = new CourseEnrolment(course, enrolledAt, completedAt, score);
        person.Courses.Add(enrolment);
        return enrolment;
    }
}
