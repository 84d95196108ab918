using System.Globalization;
using System.Text;
using AiChangeInsights.Warehouse.Ingest.Files;

namespace AiChangeInsights.Warehouse.Ingest;

/// <summary>The header row found in a file and what it means for one source (read directly or as a vendor's export).</summary>
public sealed record HeaderMatch(Source Source, HeadRecord Header, int DataStartIndex,
    IReadOnlyDictionary<string, int> Columns, IReadOnlyList<ExtraColumn> Extra, Vendors.VendorExport? Vendor = null)
{
    /// <summary>Whether the rows have this template column: found in the header, or made by the vendor's reshape.</summary>
    public bool Has(string column) => Columns.ContainsKey(column) || (Vendor?.Produces.Contains(column) ?? false);
}

/// <summary>Finds the header row and recognises the source from its column names.</summary>
public static class Headers
{
    /// <summary>Headers compare case-, accent- and punctuation-insensitively: "E-mail" = "e_mail", "Financiën" = "financien".</summary>
    public static string Normalise(string header)
    {
        var decomposed = header.Trim().ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var text = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            text.Append(char.IsAsciiLetterOrDigit(c) ? c : '_');
        }
        var collapsed = System.Text.RegularExpressions.Regex.Replace(text.ToString(), "_+", "_");
        return collapsed.Trim('_');
    }

    /// <summary>
    /// The names a field answers to when a template's columns are matched: its normalised header, the same with camelCase
    /// split (an API's or Entra ID's "jobTitle" = "job_title", Nmbrs' "EmailWerk" = "email_werk") and without a trailing
    /// note in brackets (Google Workspace's "Email Address [Required]").
    /// </summary>
    static string[] TemplateNames(string header) =>
        new[] { Normalise(header), Normalise(CamelHump.Replace(header, "$1_$2")), Normalise(BracketNote.Replace(header, "")) }
            .Where(n => n.Length > 0).Distinct().ToArray();

    static readonly System.Text.RegularExpressions.Regex CamelHump = new("([a-z0-9])([A-Z])");
    static readonly System.Text.RegularExpressions.Regex BracketNote = new(@"\s*\[[^\]]*\]\s*$");

    // A payroll export (Loket, Nmbrs) holds a private address beside the work one; people join on the work address.
    static bool IsWorkMail(string spelling) => spelling.Contains("werk", StringComparison.Ordinal) || spelling.Contains("work", StringComparison.Ordinal)
                                               || spelling.Contains("zakelijk", StringComparison.Ordinal) || spelling.Contains("business", StringComparison.Ordinal);

    static bool IsMailLike(string spelling) => spelling.Contains("mail", StringComparison.Ordinal) || spelling.Contains("upn", StringComparison.Ordinal)
                                               || spelling.Contains("principal", StringComparison.Ordinal);

    public static HeaderMatch Recognise(IReadOnlyList<HeadRecord> head, IReadOnlyList<Source> candidates, bool forced)
    {
        if (RecogniseVendor(head, candidates) is { } vendorMatch) return vendorMatch;

        var matches = new List<(HeaderMatch Match, int Found, int RequiredFound, List<SourceColumn> Missing)>();
        foreach (var record in head.Take(10))
        {
            var normalised = record.Fields.Select(Normalise).ToArray();
            if (normalised.Count(h => h.Length > 0) < 2) continue;
            var fieldNames = record.Fields.Select(TemplateNames).ToArray();
            foreach (var source in candidates)
            {
                var used = new HashSet<int>();
                var columns = new Dictionary<string, int>();
                foreach (var column in source.Columns)
                {
                    // Of several fields that name the column, the best spelling wins: for a person, an e-mail address
                    // (people join on it) before a user ID, and a work address before another, whichever comes first in the file.
                    var spellings = column.Spellings.Select(Normalise).ToList();
                    if (column.Kind == ValueKind.Person) spellings = [.. spellings.OrderBy(s => IsMailLike(s) ? IsWorkMail(s) ? 0 : 1 : 2)];
                    var best = Enumerable.Range(0, normalised.Length).Where(i => !used.Contains(i) && fieldNames[i].Any(spellings.Contains))
                        .OrderBy(i => fieldNames[i].Where(spellings.Contains).Min(spellings.IndexOf)).ThenBy(i => i).DefaultIfEmpty(-1).First();
                    if (best < 0) continue;
                    columns[column.Name] = best;
                    used.Add(best);
                }
                var extra = new List<ExtraColumn>();
                for (var i = 0; i < normalised.Length; i++)
                    if (!used.Contains(i) && normalised[i].Length > 0 && source.KeepsExtraColumn(normalised[i]))
                        extra.Add(new ExtraColumn($"x{extra.Count + 1}", record.Fields[i].Trim(), i));
                var missing = source.Columns.Where(c => c.Required && !columns.ContainsKey(c.Name)).ToList();
                var requiredFound = source.Columns.Count(c => c.Required && columns.ContainsKey(c.Name));
                if (extra.Count < source.MinimumExtraColumns) missing.Add(new SourceColumn("(at least one question column)", ValueKind.Text));
                matches.Add((new HeaderMatch(source, record, record.Index + 1, columns, extra), columns.Count, requiredFound, missing));
            }
        }

        var complete = matches.Where(m => m.Missing.Count == 0)
            .OrderByDescending(m => m.Found).ThenBy(m => m.Match.Header.Index).FirstOrDefault();
        if (complete.Match is not null)
        {
            if (!forced && complete.Match.Source.NotThisSource(complete.Match, [.. head.Where(r => r.Index > complete.Match.Header.Index)]) is { } not)
                throw new ImportRejectedException(complete.Match.Header.Line, not.Field + 1, complete.Match.Header.Fields[not.Field].Trim(), not.Reason);
            return Unambiguous(complete.Match);
        }

        var first = head.FirstOrDefault(r => r.Fields.Count(f => f.Trim().Length > 0) >= 2) ?? head.FirstOrDefault();
        if (first is null) throw new ImportRejectedException(1, null, null, "the file has no rows.");
        var names = first.Fields.Where(f => f.Trim().Length > 0).ToList();
        // A header that is one giant field (a 1 MB line) is quoted by its start only.
        var found = names.Count == 0
            ? "no column names"
            : string.Join(", ", names.Take(15).Select(f => f.Trim()).Select(f => $"'{(f.Length > 60 ? f[..60] + "…" : f)}'"));
        var oneColumn = names.Count == 1
            ? " The header is a single column: the delimiter must be ',', ';', tab or '|', and in a workbook each name needs a cell of its own."
            : "";
        var partial = matches.Where(m => m.RequiredFound > 0)
            .OrderByDescending(m => m.RequiredFound).ThenByDescending(m => m.Found).FirstOrDefault();
        if (forced || partial.Match is not null)
        {
            var best = partial.Match is not null ? partial : matches.OrderByDescending(m => m.Found).First();
            var lacking = string.Join("; ", best.Missing.Select(c => c.Aliases.Length == 0
                ? $"'{c.Name}'"
                : $"'{c.Name}' (also accepted: {string.Join(", ", c.Aliases.Take(6))})"));
            throw new ImportRejectedException(best.Match.Header.Line, null, null,
                $"this looks like a {best.Match.Source.Name} file but the header lacks required column(s) {lacking}. Found: {found}.");
        }
        var expected = string.Join("; ", candidates.Select(s => $"{s.Name} ({s.TemplateSummary})"));
        throw new ImportRejectedException(first.Line, null, null,
            $"no known export recognised from the header. Found: {found}.{oneColumn} Expected one of: {expected}.");
    }

    /// <summary>
    /// A template column whose header appears twice ("department" in columns 2 and 4) cannot be read without guessing
    /// which one is meant; two question columns with the same text stay two questions, told apart by position.
    /// </summary>
    static HeaderMatch Unambiguous(HeaderMatch match)
    {
        var header = match.Header;
        var normalised = header.Fields.Select(Normalise).ToArray();
        foreach (var field in match.Columns.Values.Order())
        {
            var again = Array.IndexOf(normalised, normalised[field], field + 1);
            if (again >= 0)
                throw new ImportRejectedException(header.Line, again + 1, header.Fields[again].Trim(),
                    $"the header names '{header.Fields[field].Trim()}' twice (columns {field + 1} and {again + 1}): " +
                    "rename or remove one, so that it is clear which one to read.");
        }
        return match with { Extra = TellApart(match.Extra, header) };
    }

    /// <summary>Extra columns with the same text each keep their own name: "text (first-row name)" or "text (column n)".</summary>
    static List<ExtraColumn> TellApart(IReadOnlyList<ExtraColumn> extra, HeadRecord firstRow)
    {
        var repeated = extra.GroupBy(x => x.Header, StringComparer.Ordinal).Where(g => g.Count() > 1).SelectMany(g => g).ToHashSet();
        return extra.Select(x => !repeated.Contains(x) ? x : x with
        {
            Header = (firstRow.Fields.ElementAtOrDefault(x.Field) ?? "").Trim() is { Length: > 0 } name && name != x.Header
                ? $"{x.Header} ({name})"
                : $"{x.Header} (column {x.Field + 1})",
        }).ToList();
    }

    /// <summary>
    /// A vendor's export, recognised by its signature headers (more specific than a template, so it goes first), or
    /// a refusal when the file is another report of a known tool.
    /// </summary>
    static HeaderMatch? RecogniseVendor(IReadOnlyList<HeadRecord> head, IReadOnlyList<Source> candidates)
    {
        var vendors = Vendors.VendorCatalog.All.Where(v => candidates.Contains(v.Template)).ToList();
        (Vendors.VendorExport Vendor, HeadRecord Record, List<string> Missing)? family = null;
        foreach (var record in head.Take(10))
        {
            var normalised = record.Fields.Select(Normalise).ToArray();
            var present = normalised.ToHashSet();
            foreach (var vendor in vendors)
            {
                if (vendor.Recognises(present)) return VendorMatch(vendor, head, record);
                if (family is null && vendor.MissingFromFamily(present) is { } missing)
                    family = (vendor, record, [.. missing]);
            }
        }
        if (family is { } f)
            throw new ImportRejectedException(f.Record.Line, null, null,
                $"this looks like {f.Vendor.FamilyName}, but not the {f.Vendor.Name}: the columns {string.Join(", ", f.Missing.Select(m => $"'{m}'"))} are missing. " +
                "Export the right report, or use the template.");
        return null;
    }

    static HeaderMatch VendorMatch(Vendors.VendorExport vendor, IReadOnlyList<HeadRecord> head, HeadRecord record)
    {
        if (vendor.Refusal is { } refusal) throw new ImportRejectedException(record.Line, null, null, $"this is the {vendor.Name}: {refusal}");
        var headerRows = head.Skip(record.Index).Take(1 + vendor.ExtraHeaderRows).ToList();
        if (vendor.HeaderRowsProblem(headerRows) is { } problem)
            throw new ImportRejectedException(problem.Line, null, null, problem.Reason);
        var names = vendor.HeaderNames(headerRows).Select(Normalise).ToArray();
        var used = new HashSet<int>();
        for (var i = 0; i < names.Length; i++) if (vendor.Ignored.Contains(names[i])) used.Add(i);

        // The vendor's own spellings in order of preference; the template's aliases wherever they come first in the file.
        int? Find(IEnumerable<string> spellings, bool ordered)
        {
            if (ordered)
            {
                foreach (var spelling in spellings)
                    for (var i = 0; i < names.Length; i++)
                        if (!used.Contains(i) && names[i] == spelling) return i;
                return null;
            }
            var set = spellings.ToHashSet();
            for (var i = 0; i < names.Length; i++)
                if (!used.Contains(i) && set.Contains(names[i])) return i;
            return null;
        }

        var columns = new Dictionary<string, int>();
        foreach (var column in vendor.Template.Columns)
        {
            var own = vendor.Columns.TryGetValue(column.Name, out var spellings);
            if (Find(own ? spellings! : column.Spellings.Select(Normalise), own) is not { } i) continue;
            columns[column.Name] = i;
            used.Add(i);
        }
        foreach (var (fact, spellings) in vendor.RowFacts)
        {
            if (Find(spellings, ordered: true) is not { } i) continue;
            columns[fact] = i;
            used.Add(i);
        }

        var extra = new List<ExtraColumn>();
        for (var i = 0; i < names.Length; i++)
            if (!used.Contains(i) && vendor.KeepsExtraColumn(headerRows, i, names[i]))
                extra.Add(new ExtraColumn($"x{extra.Count + 1}", vendor.ExtraHeader(headerRows, i), i));
        // Two columns with the same text would be one question: each keeps its own, told apart by its first-row name.
        extra = TellApart(extra, headerRows[0]);

        var missing = vendor.Template.Columns.Where(c => c.Required && !columns.ContainsKey(c.Name) && !vendor.Produces.Contains(c.Name))
            .Select(c => $"'{c.Name}'").ToList();
        if (extra.Count < vendor.Template.MinimumExtraColumns) missing.Add("(at least one question column)");
        if (missing.Count > 0)
            throw new ImportRejectedException(record.Line, null, null,
                $"this is a {vendor.Name}, but the columns it needs for {vendor.Template.Name} are missing: {string.Join(", ", missing)}.");
        return new HeaderMatch(vendor.Template, record, record.Index + 1 + vendor.ExtraHeaderRows, columns, extra, vendor);
    }
}
