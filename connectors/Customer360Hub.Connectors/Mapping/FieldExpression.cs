using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Customer360Hub.Connectors.Mapping;

/// <summary>Evaluates a mapping expression (path, template or constant) against a JSON payload.</summary>
public static class FieldExpression
{
    private const string When = " when ";

    /// <summary>
    /// The value, or null when a path is missing, null or empty. A trailing
    /// <c>when path=value</c> applies the expression only to payloads where that path has that value.
    /// </summary>
    public static string? Evaluate(string expression, JsonElement payload)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var condition = expression.IndexOf(When, StringComparison.Ordinal);
        if (condition >= 0)
        {
            var test = expression[(condition + When.Length)..];
            var equals = test.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new FormatException($"The condition in mapping expression '{expression}' must be 'path=value'.");
            }

            if (!string.Equals(Resolve(test[..equals].Trim(), payload), test[(equals + 1)..].Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            expression = expression[..condition];
        }

        if (expression.StartsWith('='))
        {
            return expression[1..];
        }

        if (!expression.Contains('{', StringComparison.Ordinal))
        {
            return Alternatives(expression, payload);
        }

        var result = new StringBuilder();
        var any = false;
        var position = 0;
        while (position < expression.Length)
        {
            var open = expression.IndexOf('{', position);
            if (open < 0)
            {
                result.Append(expression, position, expression.Length - position);
                break;
            }

            var close = expression.IndexOf('}', open);
            if (close < 0)
            {
                throw new FormatException($"Unclosed '{{' in mapping expression '{expression}'.");
            }

            result.Append(expression, position, open - position);
            var value = Alternatives(expression[(open + 1)..close], payload);
            if (value is not null)
            {
                result.Append(value);
                any = true;
            }

            position = close + 1;
        }

        var text = result.ToString().Trim();
        return any && text.Length > 0 ? text : null;
    }

    /// <summary><c>a ?? b</c>: the first path that has a value; each path may end in <c>|transform</c>.</summary>
    private static string? Alternatives(string expression, JsonElement payload)
    {
        foreach (var alternative in expression.Split(" ?? ", StringSplitOptions.TrimEntries))
        {
            // path|transform|transform...: each transform takes the value the one before gave.
            var parts = alternative.Split('|');
            var value = Resolve(parts[0], payload);
            foreach (var transform in parts.Skip(1))
            {
                value = Transform(transform, value);
            }

            if (value is not null)
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>
    /// Value transforms: <c>cents</c> (minor units to a decimal amount), <c>abs</c>, <c>unix</c> and <c>unixms</c>
    /// (epoch seconds or milliseconds to ISO 8601), <c>lower</c>, <c>upper</c>, <c>date</c> (ISO date part),
    /// <c>not</c> (negates true/false), <c>map:a=x,b=y</c> (a value to another).
    /// </summary>
    private static string? Transform(string name, string? value)
    {
        if (value is null)
        {
            return null;
        }

        name = name.Trim();
        if (name.StartsWith("map:", StringComparison.Ordinal))
        {
            foreach (var pair in name[4..].Split(','))
            {
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                if (equals > 0 && string.Equals(pair[..equals], value, StringComparison.OrdinalIgnoreCase))
                {
                    return pair[(equals + 1)..];
                }
            }

            throw new FormatException($"'{value}' is none of the values the mapping knows ({name[4..]}).");
        }

        return name switch
        {
            "cents" => decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var minor)
                ? (minor / 100m).ToString("0.00", CultureInfo.InvariantCulture)
                : throw new FormatException($"'{value}' is not an amount in minor units."),
            "unix" => long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)
                ? DateTimeOffset.FromUnixTimeSeconds(seconds).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)
                : throw new FormatException($"'{value}' is not a Unix time."),
            "unixms" => long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms)
                ? DateTimeOffset.FromUnixTimeMilliseconds(ms).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture)
                : throw new FormatException($"'{value}' is not a Unix time in milliseconds."),
            "abs" => decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var number)
                ? Math.Abs(number).ToString(CultureInfo.InvariantCulture)
                : throw new FormatException($"'{value}' is not a number."),
            "lower" => value.ToLowerInvariant(),
            "upper" => value.ToUpperInvariant(),
            "date" => value.Length >= 10 ? value[..10] : value,
            "not" => value == "true" ? "false" : value == "false" ? "true" : throw new FormatException($"'{value}' is not true or false."),
            _ => throw new FormatException($"Unknown transform '{name}'."),
        };
    }

    /// <summary>Follows a dotted path with optional indexes: <c>a.b[0].c</c>.</summary>
    public static string? Resolve(string path, JsonElement payload)
    {
        ArgumentNullException.ThrowIfNull(path);
        var current = payload;
        foreach (var segment in path.Split('.'))
        {
            var name = segment;
            var index = -1;
            var bracket = segment.IndexOf('[', StringComparison.Ordinal);
            if (bracket >= 0)
            {
                name = segment[..bracket];
                index = int.Parse(segment.AsSpan(bracket + 1, segment.Length - bracket - 2), CultureInfo.InvariantCulture);
            }

            if (name == "length" && current.ValueKind == JsonValueKind.Array)
            {
                return current.GetArrayLength().ToString(CultureInfo.InvariantCulture);
            }

            if (name.Length > 0)
            {
                if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(name, out current))
                {
                    return null;
                }
            }

            if (index >= 0)
            {
                if (current.ValueKind != JsonValueKind.Array || index >= current.GetArrayLength())
                {
                    return null;
                }

                current = current[index];
            }
        }

        var text = current.ValueKind switch
        {
            JsonValueKind.String => current.GetString(),
            JsonValueKind.Number => current.GetRawText(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => null,
        };
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }
}
