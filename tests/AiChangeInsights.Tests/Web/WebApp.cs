using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace AiChangeInsights.Tests.Web;

/// <summary>The real web app over a warehouse that already holds the demo organisation.</summary>
public sealed class DemoApp : WebApplicationFactory<Program>
{
    readonly TestWarehouse data = new();

    public DemoApp()
    {
        DemoWarehouse.ImportSeedData(data);
        data.Close();
    }

    public string DataFolder => data.Folder;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Warehouse:DataFolder", data.Folder);
        builder.UseSetting("Privacy:SiteSecret", TestWarehouse.Secret);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) data.Dispose();
    }
}
