using AiChangeInsights.Warehouse.Ingest;
using AiChangeInsights.Web.Access;
using AiChangeInsights.Web.Audit;
using AiChangeInsights.Web.Charts;
using AiChangeInsights.Web.Dashboard;
using AiChangeInsights.Web.Exports;
using AiChangeInsights.Web.Jobs;
using AiChangeInsights.Web.Text;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace AiChangeInsights.Web;

/// <summary>Everything Program.cs wires, in one place: warehouse, sign-in, pages and charts, languages, endpoints.</summary>
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
                MemoryLimit = configuration["Warehouse:MemoryLimit"] ?? Warehouse.WarehouseOptions.DefaultMemoryLimit,
            });
        });
        services.AddSingleton<Importer>();
        services.AddSingleton<ImportJobs>();
        services.AddSingleton<ImportUndo>();
        services.AddSingleton<Warehouse.Ingest.Survey.SurveyMapping>();
        services.AddSingleton<Warehouse.Ingest.Survey.SurveyWaves>();
        services.AddSingleton<Warehouse.Ingest.Survey.SurveyDepartments>();
        services.AddSingleton<Imports.UploadReceiver>();
        services.AddSingleton<AuditLog>();
        services.AddSingleton<DashboardContext>();
        services.AddSingleton<ChartCatalog>();
        services.AddCharts();
        services.AddJobs(configuration);

        // One default scheme that picks: an API key when the request carries one, else the sign-in cookie.
        services.AddAuthentication("auto")
            .AddPolicyScheme("auto", "Cookie or API key", options => options.ForwardDefaultSelector = context =>
                context.Request.Headers.ContainsKey(ApiKeyAuthentication.Header) ? ApiKeyAuthentication.SchemeName : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null)
            .AddCookie(options =>
        {
            options.Cookie.Name = "aci-auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.LoginPath = "/signin";
            options.SlidingExpiration = true;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        }).AddOidcSignIn(configuration);
        services.AddAuthorization();
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "aci-antiforgery";
            options.HeaderName = "RequestVerificationToken"; // the Imports page's uploads send the token as a header
        });

        services.AddRazorPages();
        services.AddServerSideBlazor();
        // Dutch text (Financiën, geïmplementeerd) as characters, not numeric entities.
        services.AddWebEncoders(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        return services;
    }

    /// <summary>
    /// Privacy:MinGroupSize from configuration is the floor (never below 3) that the works council agreed: at start a
    /// stored setting below it is raised to it. The Admin page may set a stricter (larger) size, never a smaller one,
    /// so a restart does not undo an admin's change.
    /// </summary>
    static void ApplyMinGroupSize(WebApplication app)
    {
        var floor = MinGroupSize.Floor(app.Configuration);
        var warehouse = app.Services.GetRequiredService<Warehouse.Warehouse>();
        var current = warehouse.Read(c => Dapper.SqlMapper.ExecuteScalar<string?>(c, "select value from setting where key = 'min_group_size'"));
        if (int.TryParse(current, out var stored) && stored >= floor) return;
        var value = floor.ToString(System.Globalization.CultureInfo.InvariantCulture);
        warehouse.Write(c => Dapper.SqlMapper.Execute(c, "update setting set value = $value, updated_at = now() where key = 'min_group_size'", new { value }));
        warehouse.Refresh("setting");
        app.Services.GetRequiredService<AuditLog>().Write("configuration", "settings change", $"min_group_size: {current ?? "(none)"} -> {value} (Privacy:MinGroupSize)", null);
    }

    public static WebApplication UseAiChangeInsights(this WebApplication app)
    {
        app.RefuseProductionWithoutOidc();
        // Open the warehouse before the first request, so a locked or broken file stops the start with its message.
        _ = app.Services.GetRequiredService<Warehouse.Warehouse>();
        // Imports the last run left queued or half-done go back in line (the import job picks them up).
        app.Services.GetRequiredService<ImportJobs>().Requeue();
        ApplyMinGroupSize(app);

        app.UseSecurityHeaders(DemoMode.IsOn(app.Configuration));
        Charts.ChartCircuits.EndOnShutdown(app);

        // Server time of every response, for aci bench and the browser's developer tools.
        app.Use(async (context, next) =>
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            context.Response.OnStarting(() =>
            {
                context.Response.Headers["Server-Timing"] = $"app;dur={clock.Elapsed.TotalMilliseconds.ToString("F1", System.Globalization.CultureInfo.InvariantCulture)}";
                return Task.CompletedTask;
            });
            await next();
        });
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new Microsoft.AspNetCore.Localization.RequestCulture(LanguageProvider.English),
            SupportedCultures = [LanguageProvider.English, LanguageProvider.Dutch],
            SupportedUICultures = [LanguageProvider.English, LanguageProvider.Dutch],
            RequestCultureProviders = [new LanguageProvider()],
        });
        app.UseAuthentication();
        app.UseRouteAccess();
        app.UseAntiforgery();

        app.MapStaticAssets();
        app.MapRazorPages();
        app.MapBlazorHub();
        app.MapHealth();
        app.MapDemoSignIn();
        app.MapOidcSignIn();
        app.MapExports();
        Imports.ImportEndpoints.MapImports(app);
        AuditEndpoints.MapAuditExports(app);
        return app;
    }
}
