namespace AiChangeInsights.Cli;

internal static class EntryPoint
{
    // Not top-level statements: a second global Program type would clash with the web app's in the tests.
    static int Main(string[] args) => Aci.Run(args, Console.Out, Console.Error);
}
