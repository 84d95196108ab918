using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace AiChangeInsights.Web.Text;

/// <summary>
/// nl-NL or en-GB (European dates for English readers too): ?lang= wins and is remembered in a cookie, then the
/// cookie, then the browser's first language.
/// </summary>
public sealed class LanguageProvider : RequestCultureProvider
{
    public const string Cookie = "aci-lang";
    public static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext context)
    {
        var requested = context.Request.Query["lang"].ToString();
        if (requested is "nl" or "en")
        {
            context.Response.Cookies.Append(Cookie, requested, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, MaxAge = TimeSpan.FromDays(365) });
            return Result(requested == "nl");
        }
        if (context.Request.Cookies[Cookie] is "nl" or "en") return Result(context.Request.Cookies[Cookie] == "nl");
        var browser = context.Request.Headers.AcceptLanguage.ToString();
        return Result(browser.TrimStart().StartsWith("nl", StringComparison.OrdinalIgnoreCase));
    }

    static Task<ProviderCultureResult?> Result(bool dutch)
    {
        var name = (dutch ? Dutch : English).Name;
        return Task.FromResult<ProviderCultureResult?>(new ProviderCultureResult(name, name));
    }
}
