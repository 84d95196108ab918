namespace AiChangeInsights.Warehouse.Ingest;

/// <summary>Why a whole file was refused: where (line, column) and what is wrong, in words an analyst can act on.</summary>
public sealed class ImportRejectedException(int line, int? column, string? columnName, string reason) : Exception(reason)
{
    public int Line { get; } = line;
    public int? Column { get; } = column;
    public string? ColumnName { get; } = columnName;
    public string Reason { get; } = reason;

    public string Describe(string fileName)
    {
        var where = Column is null
            ? $"line {Line}"
            : $"line {Line}, column {Column}{(ColumnName is null ? "" : $" ({ColumnName})")}";
        return $"{fileName} {where}: {Reason}";
    }
}
