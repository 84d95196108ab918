namespace AiChangeInsights.Cli;

/// <summary>The few shapes aci takes: a command, positional values, --name value options and --flags.</summary>
internal sealed class Arguments
{
    readonly Dictionary<string, string?> options = new(StringComparer.Ordinal);

    public string Command { get; }
    public List<string> Values { get; } = [];

    Arguments(string command) => Command = command;

    public static Arguments Parse(string[] args, IReadOnlySet<string> flags)
    {
        var parsed = new Arguments(args.Length == 0 ? "help" : args[0]);
        for (var i = 1; i < args.Length; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg == "--") { parsed.Values.Add(arg); continue; }
            var name = arg[2..];
            var equals = name.IndexOf('=');
            if (equals >= 0) { parsed.options[name[..equals]] = name[(equals + 1)..]; continue; }
            if (flags.Contains(name)) { parsed.options[name] = null; continue; }
            if (i + 1 >= args.Length) throw new UsageException($"--{name} needs a value");
            parsed.options[name] = args[++i];
        }
        return parsed;
    }

    public string? Option(string name) => options.TryGetValue(name, out var value) ? value : null;

    public bool Flag(string name) => options.ContainsKey(name);

    /// <summary>A count option (--runs 5): a positive whole number, or <paramref name="fallback"/> when absent.</summary>
    public int Count(string name, int fallback) => Option(name) is not { } text
        ? fallback
        : int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var count) && count > 0
            ? count
            : throw new UsageException($"--{name} must be a whole number above 0, not '{text}'");

    public void Allow(params string[] names)
    {
        var unknown = options.Keys.Where(k => !names.Contains(k)).ToList();
        if (unknown.Count > 0) throw new UsageException($"unknown option --{unknown[0]} for 'aci {Command}'");
    }
}

internal sealed class UsageException(string message) : Exception(message);
