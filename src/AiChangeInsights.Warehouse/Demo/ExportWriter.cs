using System.Globalization;
using System.Text;

namespace AiChangeInsights.Warehouse.Demo;

/// <summary>
/// Streams one export row by row: UTF-8, "\n" line endings and RFC 4180 quoting, with the delimiter and
/// decimal separator of the tool that would have produced the file.
/// </summary>
internal sealed class ExportWriter : IDisposable
{
    private static readonly NumberFormatInfo DecimalComma = new() { NumberDecimalSeparator = ",", NumberGroupSeparator = "" };

    private readonly StreamWriter writer;
    private readonly char delimiter;
    private readonly NumberFormatInfo numbers;
    private bool atRowStart = true;

    public ExportWriter(string path, char delimiter, bool byteOrderMark = false, bool decimalComma = false)
    {
        Path = path;
        this.delimiter = delimiter;
        numbers = decimalComma ? DecimalComma : NumberFormatInfo.InvariantInfo;
        writer = new StreamWriter(path, append: false, new UTF8Encoding(byteOrderMark), bufferSize: 1 << 16) { NewLine = "\n" };
    }

    public string Path { get; }

    public long Rows { get; private set; }

    public ExportWriter Header(params string[] names)
    {
        foreach (var name in names) Text(name);
        writer.Write('\n');
        atRowStart = true;
        return this;
    }

    public ExportWriter Text(string? value)
    {
        Separate();
        if (string.IsNullOrEmpty(value)) return this;
        if (value.AsSpan().IndexOfAny([delimiter, '"', '\n', '\r']) < 0)
        {
            writer.Write(value);
            return this;
        }
        writer.Write('"');
        writer.Write(value.Replace("\"", "\"\""));
        writer.Write('"');
        return this;
    }

    public ExportWriter Number(int value)
    {
        Separate();
        writer.Write(value.ToString(CultureInfo.InvariantCulture));
        return this;
    }

    public ExportWriter Number(long value)
    {
        Separate();
        writer.Write(value.ToString(CultureInfo.InvariantCulture));
        return this;
    }

    public ExportWriter Number(double value, string format)
    {
        Separate();
        writer.Write(value.ToString(format, numbers));
        return this;
    }

    public ExportWriter Date(DateOnly value, string format)
    {
        Separate();
        writer.Write(value.ToString(format, CultureInfo.InvariantCulture));
        return this;
    }

    public ExportWriter DateTime(DateTime value)
    {
        Separate();
        writer.Write(value.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
        return this;
    }

    public ExportWriter Empty()
    {
        Separate();
        return this;
    }

    public void EndRow()
    {
        writer.Write('\n');
        atRowStart = true;
        Rows++;
    }

    public void Dispose() => writer.Dispose();

    private void Separate()
    {
        if (!atRowStart) writer.Write(delimiter);
        atRowStart = false;
    }
}
