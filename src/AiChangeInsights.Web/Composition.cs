using System.Globalization;
using AiChangeInsights.Warehouse.Ingest;
using Microsoft.AspNetCore.Localization;

namespace AiChangeInsights.Web;

/// <summary>Everything Program.cs wires, in one place: the warehouse, pages, culture and endpoints.</summary>
public static class Composition
{
    public static IServiceCollection AddAiChangeInsights(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(provider =>
        {
            var environment = provider.GetRequiredService<IWebHostEnvironment>();
            var folder = configuration["Warehouse:DataFolder"] ?? "data";
            return Warehouse.Warehouse.Open(new Warehouse.WarehouseOptions
            {
                DataFolder = Path.IsPathRooted(folder) ? folder : Path.Combine(environment.ContentRootPath, folder),
                SiteSecret = configuration["Privacy:SiteSecret"],
            });
        });
        services.AddSingleton<Importer>();
        services.AddRazorPages();
        // Dutch text (Financiën, geïmplementeerd) as characters, not numeric entities.
        services.AddWebEncoders(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddHealthChecks();
        return services;
    }

    public static WebApplication UseAiChangeInsights(this WebApplication app)
    {
        // Open the warehouse before the first request, so a locked or broken file stops the start with its message.
        _ = app.Services.GetRequiredService<Warehouse.Warehouse>();

        string[] cultures = ["en", "nl"];
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture("en"),
            SupportedCultures = cultures.Select(c => new CultureInfo(c)).ToList(),
            SupportedUICultures = cultures.Select(c => new CultureInfo(c)).ToList(),
            RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider { QueryStringKey = "lang", UIQueryStringKey = "lang" },
                new CookieRequestCultureProvider(),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ],
        });
        app.MapStaticAssets();
        app.MapRazorPages();
        app.MapHealth();
        return app;
    }
}
