namespace AiChangeInsights.Warehouse.Demo;

/// <summary>
/// Draws built from <see cref="Random.NextDouble"/> and plain arithmetic only: Math.Log/Exp/Cos may differ in the
/// last bit between C runtimes, and one flipped rounding would make two machines write different files.
/// </summary>
internal static class RandomDraws
{
    public static bool Chance(this Random random, double probability) => random.NextDouble() < probability;

    public static double Between(this Random random, double low, double high) => low + (high - low) * random.NextDouble();

    /// <summary>Standard normal, approximated by the sum of twelve uniforms (Irwin-Hall), range -6..6.</summary>
    public static double Gaussian(this Random random)
    {
        var sum = 0.0;
        for (var i = 0; i < 12; i++) sum += random.NextDouble();
        return sum - 6;
    }

    public static T Pick<T>(this Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    public static int PickWeighted(this Random random, ReadOnlySpan<double> weights)
    {
        var total = 0.0;
        foreach (var weight in weights) total += weight;
        var draw = random.NextDouble() * total;
        for (var i = 0; i < weights.Length; i++)
        {
            draw -= weights[i];
            if (draw < 0) return i;
        }
        return weights.Length - 1;
    }

    public static int Binomial(this Random random, int trials, double probability)
    {
        var successes = 0;
        for (var i = 0; i < trials; i++)
        {
            if (random.NextDouble() < probability) successes++;
        }
        return successes;
    }

    /// <summary>Fisher-Yates over a copy; the order of the input decides the result, so pass a stable order.</summary>
    public static List<T> Shuffled<T>(this Random random, IEnumerable<T> items)
    {
        var list = items.ToList();
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }
        return list;
    }
}
