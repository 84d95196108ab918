using System.Text.RegularExpressions;

namespace AiChangeInsights.Tests.Web;

/// <summary>The hidden antiforgery field the pages put in their forms; group 1 is the token the browser posts.</summary>
public static partial class AntiforgeryField
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    public static partial Regex Pattern();
}
