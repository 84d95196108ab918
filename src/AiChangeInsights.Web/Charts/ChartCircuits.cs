namespace AiChangeInsights.Web.Charts;

/// <summary>
/// The charts' Blazor requests (<c>/_blazor…</c>) end when the server stops. A browser that leaves a page sends
/// <c>POST /_blazor/disconnect</c>, and ASP.NET Core's clean-up of that circuit can stay pending (seen after browsing
/// the dashboard in Chromium: still open minutes later). Kestrel waits for every request before it stops, so a
/// restart waited the host's whole 30 s shutdown timeout, and <c>docker stop</c> kills a server after 10.
/// </summary>
public static class ChartCircuits
{
    public static void EndOnShutdown(WebApplication app)
    {
        var stopping = app.Lifetime.ApplicationStopping;
        app.Use((context, next) => context.Request.Path.StartsWithSegments("/_blazor")
            ? WhileRunning(context, next, stopping)
            : next(context));
    }

    /// <summary>
    /// Runs the request until it ends or the server stops; then the connection is aborted and the request left behind
    /// (its connection takes no further request, and the process is ending).
    /// </summary>
    public static async Task WhileRunning(HttpContext context, RequestDelegate next, CancellationToken stopping)
    {
        if (stopping.IsCancellationRequested)
        {
            // A browser reconnecting while the server stops would open a new circuit.
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }
        var request = next(context);
        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (stopping.Register(() => stopped.TrySetResult()))
        {
            if (await Task.WhenAny(request, stopped.Task) == request)
            {
                await request;
                return;
            }
        }
        // Observed, so that a late failure of the abandoned request is not an unobserved task exception.
        _ = request.ContinueWith(t => t.Exception, TaskContinuationOptions.OnlyOnFaulted);
        context.Abort();
    }
}
