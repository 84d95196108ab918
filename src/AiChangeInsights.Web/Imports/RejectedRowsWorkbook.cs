using ClosedXML.Excel;
using Dapper;

namespace AiChangeInsights.Web.Imports;

/// <summary>An import's rejected rows as a workbook: which line, which column, what value, why.</summary>
public static class RejectedRowsWorkbook
{
    public sealed record Row(int Line, string? ColumnName, string? Value, string Reason);

    public static byte[]? Write(Warehouse.Warehouse warehouse, long importId)
    {
        var import = warehouse.Read(c => c.QueryFirstOrDefault<(string File, string Status, DateTime FinishedAt)?>(
            "select file_name, status, finished_at from import_history where import_id = $importId", new { importId }));
        if (import is null) return null;
        var rows = warehouse.Read(c => c.Query<Row>(
            "select line, column_name, value, reason from import_rejected_row where import_id = $importId order by line, column_name", new { importId }).ToList());
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add("Rejected rows");
        void Text(int r, int c, string? text)
        {
            var cell = sheet.Cell(r, c);
            cell.SetValue(text ?? "");
            if (text is { Length: > 0 } && "=+-@\t\r".Contains(text[0])) cell.Style.IncludeQuotePrefix = true;
        }
        Text(1, 1, "File"); Text(1, 2, import.Value.File);
        Text(2, 1, "Import"); Text(2, 2, $"#{importId}, {import.Value.Status}, {import.Value.FinishedAt:yyyy-MM-dd HH:mm} UTC");
        Text(3, 1, "Rejected"); sheet.Cell(3, 2).Value = rows.Count;
        string[] header = ["Line", "Column", "Value", "Reason"];
        for (var c = 0; c < header.Length; c++) { Text(5, c + 1, header[c]); sheet.Cell(5, c + 1).Style.Font.Bold = true; }
        var r = 6;
        foreach (var row in rows)
        {
            sheet.Cell(r, 1).Value = row.Line;
            Text(r, 2, row.ColumnName);
            Text(r, 3, row.Value);
            Text(r, 4, row.Reason);
            r++;
        }
        sheet.Column(1).Width = 10; sheet.Column(2).Width = 30; sheet.Column(3).Width = 30; sheet.Column(4).Width = 80;
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }
}
