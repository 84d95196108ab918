using AiChangeInsights.Web;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAiChangeInsights(builder.Configuration);

var app = builder.Build();
app.UseAiChangeInsights();
app.Run();

/// <summary>The composition root, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
