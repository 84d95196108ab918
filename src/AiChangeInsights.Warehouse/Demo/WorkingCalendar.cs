using System.Globalization;

namespace AiChangeInsights.Warehouse.Demo;

/// <summary>Month indexes (go-live month = 1) and Dutch working days, so nobody prompts on Koningsdag.</summary>
internal sealed class WorkingCalendar(DateOnly goLive)
{
    private readonly Dictionary<int, DateOnly[]> workingDays = [];

    public DateOnly MonthStart(int monthIndex) => goLive.AddMonths(monthIndex - 1);

    public int MonthIndexOf(DateOnly date) =>
        (date.Year - goLive.Year) * 12 + date.Month - goLive.Month + 1;

    public string Period(int monthIndex) => MonthStart(monthIndex).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public DateOnly[] WorkingDays(int monthIndex)
    {
        if (workingDays.TryGetValue(monthIndex, out var days)) return days;
        var start = MonthStart(monthIndex);
        days = Enumerable.Range(0, DateTime.DaysInMonth(start.Year, start.Month))
            .Select(start.AddDays)
            .Where(IsWorkingDay)
            .ToArray();
        workingDays[monthIndex] = days;
        return days;
    }

    /// <summary>First Monday of the month that is a working day: rollouts start on a fresh week.</summary>
    public DateOnly RolloutDate(int monthIndex) =>
        WorkingDays(monthIndex).First(d => d.DayOfWeek == DayOfWeek.Monday);

    public DateOnly RandomWorkingDay(Random random, int monthIndex)
    {
        var days = WorkingDays(monthIndex);
        return days[random.Next(days.Length)];
    }

    private static bool IsWorkingDay(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !IsPublicHoliday(day);

    private static bool IsPublicHoliday(DateOnly day)
    {
        var easter = EasterSunday(day.Year);
        var kingsDay = new DateOnly(day.Year, 4, 27);
        if (kingsDay.DayOfWeek == DayOfWeek.Sunday) kingsDay = kingsDay.AddDays(-1);
        return (day.Month, day.Day) is (1, 1) or (12, 25) or (12, 26)
            || day == kingsDay
            || day == easter.AddDays(1)
            || day == easter.AddDays(39)
            || day == easter.AddDays(50)
            // Bevrijdingsdag is a day off for most employers only in lustrum years.
            || (day.Year % 5 == 0 && day.Month == 5 && day.Day == 5);
    }

    /// <summary>Anonymous Gregorian algorithm; integer arithmetic only.</summary>
    private static DateOnly EasterSunday(int year)
    {
        int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4;
        int f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
        return new DateOnly(year, month, day);
    }
}
