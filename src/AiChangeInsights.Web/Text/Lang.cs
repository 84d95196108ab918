using System.Globalization;

namespace AiChangeInsights.Web.Text;

/// <summary>Dutch or English, from the request culture (?lang=, cookie, browser). Strings stay next to their use.</summary>
public static class Lang
{
    public static bool Dutch => IsDutch(CultureInfo.CurrentUICulture);

    public static bool IsDutch(CultureInfo culture) => culture.TwoLetterISOLanguageName == "nl";

    public static string T(string en, string nl) => Dutch ? nl : en;

    public static string T(CultureInfo culture, string en, string nl) => IsDutch(culture) ? nl : en;
}
