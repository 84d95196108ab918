using System.Globalization;
using System.Text;
using AiChangeInsights.Warehouse.Ingest.Files;

namespace AiChangeInsights.Warehouse.Ingest;

/// <summary>The header row found in a file and what it means for one source.</summary>
public sealed record HeaderMatch(Source Source, HeadRecord Header, int DataStartIndex,
    IReadOnlyDictionary<string, int> Columns, IReadOnlyList<ExtraColumn> Extra);

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

    public static HeaderMatch Recognise(IReadOnlyList<HeadRecord> head, IReadOnlyList<Source> candidates, bool forced)
    {
        var matches = new List<(HeaderMatch Match, int Found, int RequiredFound, List<SourceColumn> Missing)>();
        foreach (var record in head.Take(10))
        {
            var normalised = record.Fields.Select(Normalise).ToArray();
            if (normalised.Count(h => h.Length > 0) < 2) continue;
            foreach (var source in candidates)
            {
                var used = new HashSet<int>();
                var columns = new Dictionary<string, int>();
                foreach (var column in source.Columns)
                {
                    var spellings = column.Spellings.Select(Normalise).ToHashSet();
                    for (var i = 0; i < normalised.Length; i++)
                    {
                        if (used.Contains(i) || !spellings.Contains(normalised[i])) continue;
                        columns[column.Name] = i;
                        used.Add(i);
                        break;
                    }
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
        if (complete.Match is not null) return complete.Match;

        var first = head.FirstOrDefault(r => r.Fields.Count(f => f.Trim().Length > 0) >= 2) ?? head.FirstOrDefault();
        if (first is null) throw new ImportRejectedException(1, null, null, "the file has no rows.");
        var found = string.Join(", ", first.Fields.Where(f => f.Trim().Length > 0).Take(15).Select(f => $"'{f.Trim()}'"));
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
            $"no known export recognised from the header. Found: {found}. Expected one of: {expected}.");
    }
}
