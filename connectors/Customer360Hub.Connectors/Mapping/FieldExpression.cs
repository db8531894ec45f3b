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
            return Resolve(expression, payload);
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
            var value = Resolve(expression[(open + 1)..close], payload);
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
