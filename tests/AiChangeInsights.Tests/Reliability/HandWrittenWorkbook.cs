using System.IO.Compression;
using System.Text;

namespace AiChangeInsights.Tests.Reliability;

/// <summary>
/// An .xlsx written part by part, without a spreadsheet library, so a test decides every byte: formulas with their
/// cached values, merged cells, a sheet of gigabytes that compresses a thousandfold, sizes in the zip that lie.
/// Strings are inline (no shared-strings part); style 1 is a date (number format 14), as Excel writes it.
/// </summary>
public static class HandWrittenWorkbook
{
    const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    public const string SheetPart = "xl/worksheets/sheet1.xml";

    /// <summary>A text cell.</summary>
    public static string Text(string reference, string text) =>
        $"<c r=\"{reference}\" t=\"inlineStr\"><is><t>{System.Security.SecurityElement.Escape(text)}</t></is></c>";

    /// <summary>A number cell; with a formula, the number is the value Excel cached when it last calculated.</summary>
    public static string Number(string reference, double value, string? formula = null, bool date = false) =>
        $"<c r=\"{reference}\"{(date ? " s=\"1\"" : "")}>{(formula is null ? "" : $"<f>{System.Security.SecurityElement.Escape(formula)}</f>")}<v>{value.ToString(System.Globalization.CultureInfo.InvariantCulture)}</v></c>";

    /// <summary>A text cell computed by a formula (t="str": the cached result is the text).</summary>
    public static string TextFormula(string reference, string formula, string cached) =>
        $"<c r=\"{reference}\" t=\"str\"><f>{System.Security.SecurityElement.Escape(formula)}</f><v>{System.Security.SecurityElement.Escape(cached)}</v></c>";

    /// <summary>A formula that failed: Excel caches its error value (t="e"), e.g. #N/A from a lookup that found nothing.</summary>
    public static string Error(string reference, string formula, string error) =>
        $"<c r=\"{reference}\" t=\"e\"><f>{System.Security.SecurityElement.Escape(formula)}</f><v>{System.Security.SecurityElement.Escape(error)}</v></c>";

    /// <summary>
    /// A formula as a program writes it without calculating: no cached value, or an empty one (openpyxl). Excel always
    /// saves the value; a spreadsheet reader sees an empty cell.
    /// </summary>
    public static string Uncalculated(string reference, string formula, bool emptyValue = false) =>
        $"<c r=\"{reference}\"><f>{System.Security.SecurityElement.Escape(formula)}</f>{(emptyValue ? "<v></v>" : "")}</c>";

    public static string Row(int number, params string[] cells) => $"<row r=\"{number}\">{string.Concat(cells)}</row>";

    /// <summary>Writes a one-sheet workbook; <paramref name="sheetData"/> writes the rows (as UTF-8 bytes) into the sheet part.</summary>
    public static void Write(string path, string sheetName, Action<Stream> sheetData, IReadOnlyList<string>? mergedRanges = null)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        Part(zip, "[Content_Types].xml", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>
            """);
        Part(zip, "_rels/.rels", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
            """);
        Part(zip, "xl/workbook.xml", $"""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <workbook xmlns="{Main}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="{sheetName}" sheetId="1" r:id="rId1"/></sheets></workbook>
            """);
        Part(zip, "xl/_rels/workbook.xml.rels", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>
            """);
        Part(zip, "xl/styles.xml", $"""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <styleSheet xmlns="{Main}"><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>
            """);

        using var sheet = zip.CreateEntry(SheetPart, CompressionLevel.Optimal).Open();
        sheet.Write(Encoding.UTF8.GetBytes($"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="{Main}"><sheetData>"""));
        sheetData(sheet);
        var merges = mergedRanges is { Count: > 0 }
            ? $"<mergeCells count=\"{mergedRanges.Count}\">{string.Concat(mergedRanges.Select(r => $"<mergeCell ref=\"{r}\"/>"))}</mergeCells>"
            : "";
        sheet.Write(Encoding.UTF8.GetBytes($"</sheetData>{merges}</worksheet>"));
    }

    public static void Write(string path, string sheetName, IEnumerable<string> rows, IReadOnlyList<string>? mergedRanges = null) =>
        Write(path, sheetName, stream =>
        {
            foreach (var row in rows) stream.Write(Encoding.UTF8.GetBytes(row));
        }, mergedRanges);

    static void Part(ZipArchive zip, string name, string content)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
        writer.Write(content.Trim());
    }

    /// <summary>
    /// Makes the zip claim that <paramref name="entryName"/> unpacks to <paramref name="claimedSize"/> bytes (in its local
    /// header and in the central directory), whatever it really holds: the sizes a zip-bomb check reads are the attacker's.
    /// </summary>
    public static void ClaimUnpackedSize(string path, string entryName, uint claimedSize)
    {
        var bytes = File.ReadAllBytes(path);
        var end = bytes.AsSpan().LastIndexOf("PK\x05\x06"u8);
        var entries = BitConverter.ToUInt16(bytes, end + 10);
        var at = (int)BitConverter.ToUInt32(bytes, end + 16);
        for (var i = 0; i < entries; i++)
        {
            int nameLength = BitConverter.ToUInt16(bytes, at + 28), extraLength = BitConverter.ToUInt16(bytes, at + 30),
                commentLength = BitConverter.ToUInt16(bytes, at + 32);
            if (Encoding.UTF8.GetString(bytes, at + 46, nameLength) == entryName)
            {
                BitConverter.TryWriteBytes(bytes.AsSpan(at + 24, 4), claimedSize);
                var local = (int)BitConverter.ToUInt32(bytes, at + 42);
                BitConverter.TryWriteBytes(bytes.AsSpan(local + 22, 4), claimedSize);
            }
            at += 46 + nameLength + extraLength + commentLength;
        }
        File.WriteAllBytes(path, bytes);
    }
}
