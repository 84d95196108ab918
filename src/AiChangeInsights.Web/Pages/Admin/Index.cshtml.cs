using System.Globalization;
using AiChangeInsights.Web.Access;
using AiChangeInsights.Web.Audit;
using Dapper;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AiChangeInsights.Web.Pages.Admin;

/// <summary>
/// Admin (IT): the privacy and timeline settings every view reads, KPI targets, who may sign in as what, the API
/// keys by name, and the audit log with an e-mail lookup (entries name accounts by pseudonym only).
/// </summary>
public sealed class IndexModel(Warehouse.Warehouse warehouse, AuditLog audit, IConfiguration configuration) : PageModel
{
    public sealed record KpiTarget(string Kpi, string LabelEn, string LabelNl, string Unit, string Direction, double DefaultTarget, double DefaultAmber,
        double? Target, double? Amber);

    public int MinGroupSize { get; private set; }
    public int MinGroupSizeFloor => Access.MinGroupSize.Floor(configuration);
    public string? GoLiveMonth { get; private set; }
    public double ValleyThreshold { get; private set; }
    public int SurveyWaveGapDays { get; private set; }
    public IReadOnlyList<KpiTarget> Targets { get; private set; } = [];
    public IReadOnlyList<AuditLog.Entry> Entries { get; private set; } = [];
    public IReadOnlyList<string> Actions { get; private set; } = [];
    public bool Demo => DemoMode.IsOn(configuration);
    public IReadOnlyList<(string Claim, string Role)> RoleMap { get; private set; } = [];
    public IReadOnlyList<string> ApiKeyNames { get; private set; } = [];
    public IReadOnlyList<Warehouse.Backups.Backups.Backup> BackupList { get; private set; } = [];
    public string BackupFolder { get; private set; } = "";
    public string? Message { get; private set; }
    public string? Error { get; private set; }
    [BindProperty(SupportsGet = true)] public string? Action { get; set; }
    [BindProperty(SupportsGet = true)] public string? Account { get; set; }

    public void OnGet() => Load();

    public IActionResult OnPostSettings(int minGroupSize, string? goLiveMonth, string? valleyThreshold, string? surveyWaveGapDays)
    {
        var changes = new List<string>();
        if (minGroupSize < MinGroupSizeFloor)
            Error = $"The minimum group size is at least {MinGroupSizeFloor}: Privacy:MinGroupSize in the server's configuration (never below {Access.MinGroupSize.Least}).";
        else if (minGroupSize > MaxMinGroupSize)
            Error = $"A minimum group size above {MaxMinGroupSize} would hide nearly every survey number.";
        DateOnly? goLive = null;
        if (!string.IsNullOrWhiteSpace(goLiveMonth))
        {
            if (DateOnly.TryParseExact(goLiveMonth.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month)) goLive = month;
            else Error = "The go-live month reads yyyy-mm, e.g. 2025-01.";
        }
        if (!double.TryParse(valleyThreshold?.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var threshold) || threshold is < 0.05 or > 0.9)
            Error = "The valley threshold is a share between 0.05 and 0.9 (e.g. 0.25 for 25 %).";
        // A form without the field (an older script) leaves the gap as it is.
        var gapDays = Settings().GetValueOrDefault("survey_wave_gap_days") ?? "21";
        if (surveyWaveGapDays is not null)
        {
            if (int.TryParse(surveyWaveGapDays.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days is >= 1 and <= MaxSurveyWaveGapDays)
                gapDays = days.ToString(CultureInfo.InvariantCulture);
            else Error = $"The survey wave gap is a whole number of days from 1 to {MaxSurveyWaveGapDays} (default 21).";
        }
        if (Error is not null) { Load(); return Page(); }

        var wanted = new Dictionary<string, string?>
        {
            ["min_group_size"] = minGroupSize.ToString(CultureInfo.InvariantCulture),
            ["go_live_month"] = goLive?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["valley_threshold"] = threshold.ToString(CultureInfo.InvariantCulture),
            ["survey_wave_gap_days"] = gapDays,
        };
        var current = Settings();
        foreach (var (key, value) in wanted)
        {
            if (current.GetValueOrDefault(key) == value) continue;
            warehouse.Write(c => c.Execute("update setting set value = $value, updated_at = now() where key = $key", new { key, value }));
            changes.Add($"{key}: {current.GetValueOrDefault(key) ?? "(none)"} -> {value ?? "(none)"}");
        }
        if (changes.Count > 0)
        {
            warehouse.Refresh("setting");
            audit.Write(HttpContext, "settings change", string.Join("; ", changes));
        }
        return RedirectToPage(new { saved = changes.Count });
    }

    public IActionResult OnPostTargets(string kpi, string? target, string? amber)
    {
        var definition = warehouse.Read(c => c.QueryFirstOrDefault<(string Kpi, double Target, double Amber, string Direction)?>(
            "select kpi, target, amber, direction from kpi_definition where kpi = $kpi", new { kpi }));
        if (definition is null) return NotFound();
        static double? Number(string? text) => double.TryParse(text?.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;
        var (t, a) = (Number(target), Number(amber));
        var bothEmpty = string.IsNullOrWhiteSpace(target) && string.IsNullOrWhiteSpace(amber);
        // Amber is the warning line before the target: below it when higher is better, above it when lower is better.
        var higherIsBetter = definition.Value.Direction != "lower_better";
        if (!bothEmpty && (t is null || a is null || (higherIsBetter ? a > t : a < t)))
        {
            Error = t is null || a is null
                ? $"{kpi}: give both a target and an amber line as numbers, or leave both empty for the default."
                : $"{kpi}: the amber line must be {(higherIsBetter ? "below" : "above")} the target ({(higherIsBetter ? "higher" : "lower")} is better).";
            Load();
            return Page();
        }
        if (bothEmpty)
        {
            warehouse.Write(c => c.Execute("delete from kpi_target where kpi = $kpi and department = 'All'", new { kpi }));
            audit.Write(HttpContext, "settings change", $"target {kpi}: back to the default {definition.Value.Target} (amber {definition.Value.Amber})");
        }
        else
        {
            warehouse.Write(c => c.Execute("""
                insert or replace into kpi_target (kpi, department, target, amber, updated_at) values ($kpi, 'All', $t, $a, now())
                """, new { kpi, t, a }));
            audit.Write(HttpContext, "settings change", $"target {kpi}: {t} (amber {a})");
        }
        warehouse.Refresh("kpi_target");
        return RedirectToPage(new { saved = 1 });
    }

    public IActionResult OnPostBackup()
    {
        var backup = new Warehouse.Backups.Backups(warehouse).Create(DateTime.UtcNow, Jobs.BackupJob.Keep(configuration));
        audit.Write(HttpContext, "backup", $"{backup.Name} ({Warehouse.Backups.Backups.Size(backup.Bytes)})");
        return RedirectToPage(new { saved = 1 });
    }

    const int MaxMinGroupSize = 50;

    /// <summary>Half a year: a longer gap would join a survey's half-yearly rounds into one wave.</summary>
    public const int MaxSurveyWaveGapDays = 180;

    void Load()
    {
        var backups = new Warehouse.Backups.Backups(warehouse);
        BackupList = backups.List();
        BackupFolder = backups.Folder;
        var settings = Settings();
        MinGroupSize = int.Parse(settings.GetValueOrDefault("min_group_size") ?? "5", CultureInfo.InvariantCulture);
        GoLiveMonth = settings.GetValueOrDefault("go_live_month") is { } g ? g[..7] : null;
        ValleyThreshold = double.Parse(settings.GetValueOrDefault("valley_threshold") ?? "0.25", CultureInfo.InvariantCulture);
        SurveyWaveGapDays = int.Parse(settings.GetValueOrDefault("survey_wave_gap_days") ?? "21", CultureInfo.InvariantCulture);
        Targets = warehouse.Read(c => c.Query<KpiTarget>("""
            select d.kpi, d.label_en, d.label_nl, d.unit, d.direction, d.target as DefaultTarget, d.amber as DefaultAmber, t.target, t.amber
            from kpi_definition d left join kpi_target t on t.kpi = d.kpi and t.department = 'All'
            order by d.sort_order
            """).ToList());
        var actor = string.IsNullOrWhiteSpace(Account) ? null : Account.Contains('@') ? audit.Pseudonym(Account) : Account.Trim();
        Entries = audit.Recent(300, actor, string.IsNullOrWhiteSpace(Action) ? null : Action);
        Actions = warehouse.Read(c => c.Query<string>("select distinct action from audit_log order by 1").ToList());
        RoleMap = configuration.GetSection("Authentication:Oidc:RoleMap").GetChildren().Select(c => (c.Key, c.Value ?? "")).ToList();
        ApiKeyNames = configuration.GetSection("Api:Keys").GetChildren().Select(k => k["Name"] ?? "(unnamed)").ToList();
        if (int.TryParse(Request.Query["saved"], out var saved))
            Message = saved == 0 ? Text.Lang.T("Nothing changed.", "Niets gewijzigd.") : Text.Lang.T("Saved; the dashboard now uses the new values.", "Opgeslagen; het dashboard gebruikt nu de nieuwe waarden.");
    }

    Dictionary<string, string?> Settings() => warehouse.Read(c => c.Query<(string Key, string? Value)>("select key, value from setting")
        .ToDictionary(s => s.Key, s => s.Value));
}
