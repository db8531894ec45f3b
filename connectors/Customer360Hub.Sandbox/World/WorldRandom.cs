namespace Customer360Hub.Sandbox.World;

/// <summary>
/// SplitMix64: a tiny, fast generator whose output is fixed by its seed on every platform and
/// runtime, so the same seed always yields the same world. Each unit, source and month gets its
/// own stream (<see cref="For(int, ulong, long, long)"/>), which makes any part of the world
/// reproducible on its own without generating what comes before it.
/// </summary>
internal struct WorldRandom
{
    private ulong _state;

    public WorldRandom(ulong seed) => _state = seed;

    /// <summary>A stream for one purpose of one part of the world.</summary>
    public static WorldRandom For(int seed, ulong stream, long a, long b = 0) =>
        new(Hash(unchecked((ulong)seed), stream, unchecked((ulong)a), unchecked((ulong)b)));

    public static ulong Hash(ulong a, ulong b, ulong c, ulong d)
    {
        var h = Mix(a + 0x9E3779B97F4A7C15UL);
        h = Mix(h ^ b);
        h = Mix(h ^ c);
        return Mix(h ^ d);
    }

    /// <summary>A hash of text that, unlike <see cref="string.GetHashCode()"/>, is the same in every process.</summary>
    public static ulong StableHash(string text)
    {
        var h = 14695981039346656037UL;
        foreach (var c in text)
        {
            h = (h ^ c) * 1099511628211UL;
        }

        return h;
    }

    public ulong NextUInt64()
    {
        _state += 0x9E3779B97F4A7C15UL;
        return Mix(_state);
    }

    /// <summary>0 to <paramref name="exclusiveMax"/> - 1.</summary>
    public int Next(int exclusiveMax) => exclusiveMax <= 1 ? 0 : (int)(NextUInt64() % (ulong)exclusiveMax);

    public int Next(int min, int exclusiveMax) => min + Next(exclusiveMax - min);

    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    public bool Chance(double probability) => probability > 0 && NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    /// <summary>Picks with a skew towards the front of the list (common names first).</summary>
    public T PickSkewed<T>(IReadOnlyList<T> items)
    {
        var x = NextDouble();
        return items[(int)(x * x * items.Count)];
    }

    public string Digits(int count)
    {
        Span<char> chars = stackalloc char[count];
        for (var i = 0; i < count; i++)
        {
            chars[i] = (char)('0' + Next(10));
        }

        return new string(chars);
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
