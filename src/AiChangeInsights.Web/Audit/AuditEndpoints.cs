using ClosedXML.Excel;

namespace AiChangeInsights.Web.Audit;

/// <summary>/admin/audit.xlsx and .json: the audit log (as filtered on the Admin page) for the Admin role.</summary>
public static class AuditEndpoints
{
    public static void MapAuditExports(this WebApplication app)
    {
        IReadOnlyList<AuditLog.Entry> Entries(HttpContext context, AuditLog audit)
        {
            var account = context.Request.Query["account"].ToString();
            var action = context.Request.Query["action"].ToString();
            var actor = account.Length == 0 ? null : account.Contains('@') ? audit.Pseudonym(account) : account;
            return audit.Recent(100_000, actor, action.Length == 0 ? null : action);
        }

        app.MapGet("/admin/audit.json", (HttpContext context, AuditLog audit) =>
        {
            var entries = Entries(context, audit);
            audit.Write(context, "export", "audit log (json)");
            return Results.Json(entries.Select(e => new { occurred_at = DateTime.SpecifyKind(e.OccurredAt, DateTimeKind.Utc), actor = e.Actor, action = e.Action, detail = e.Detail, remote_address = e.RemoteAddress }));
        });

        app.MapGet("/admin/audit.xlsx", (HttpContext context, AuditLog audit) =>
        {
            var entries = Entries(context, audit);
            audit.Write(context, "export", "audit log (xlsx)");
            using var workbook = new XLWorkbook();
            var sheet = workbook.Worksheets.Add("Audit log");
            string[] header = ["When (UTC)", "Who", "Action", "What", "From"];
            for (var c = 0; c < header.Length; c++) { sheet.Cell(1, c + 1).SetValue(header[c]); sheet.Cell(1, c + 1).Style.Font.Bold = true; }
            var row = 2;
            foreach (var e in entries)
            {
                sheet.Cell(row, 1).Value = e.OccurredAt;
                sheet.Cell(row, 1).Style.NumberFormat.Format = "yyyy-mm-dd hh:mm:ss";
                string?[] texts = [e.Actor, e.Action, e.Detail, e.RemoteAddress];
                for (var c = 0; c < texts.Length; c++)
                {
                    var cell = sheet.Cell(row, c + 2);
                    cell.SetValue(texts[c] ?? "");
                    if (texts[c] is { Length: > 0 } t && "=+-@\t\r".Contains(t[0])) cell.Style.IncludeQuotePrefix = true;
                }
                row++;
            }
            sheet.Column(1).Width = 20; sheet.Column(2).Width = 28; sheet.Column(3).Width = 18; sheet.Column(4).Width = 80; sheet.Column(5).Width = 16;
            using var stream = new MemoryStream();
            workbook.SaveAs(stream);
            return Results.File(stream.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"audit-{DateTime.UtcNow:yyyyMMdd}.xlsx");
        });
    }
}
