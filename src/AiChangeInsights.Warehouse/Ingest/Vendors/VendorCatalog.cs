namespace AiChangeInsights.Warehouse.Ingest.Vendors;

/// <summary>Every vendor export the importers recognise; one line each.</summary>
public static class VendorCatalog
{
    public static IReadOnlyList<VendorExport> All { get; } =
    [
        new MicrosoftFormsExport(),
    ];
}
