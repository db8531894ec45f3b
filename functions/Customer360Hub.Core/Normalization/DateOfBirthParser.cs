using System.Globalization;

namespace Customer360Hub.Normalization;

/// <summary>
/// Reads dates of birth in the formats sources use: ISO (1980-03-12, with or without a time),
/// compact (19800312), day or month first with any separator (12/03/1980, 12.03.1980, 3-12-80),
/// year first with separators (1980 3 12), and month names (12 Mar 1980, March 12, 1980).
/// An ambiguous day/month order follows the record's country (month first in the US).
/// Placeholders (1900-01-01, 1970-01-01, 0000-00-00) and impossible dates give null.
/// </summary>
public static class DateOfBirthParser
{
    private static readonly string[] Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    /// <summary>The date, or null when it cannot be read or is a placeholder.</summary>
    public static DateOnly? Parse(string? text, string? countryIso2, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 40)
        {
            return null;
        }

        var value = text.Trim();
        var tee = value.IndexOf('T', StringComparison.Ordinal);
        if (tee == 10)
        {
            value = value[..10];
        }

        var date = ParseParts(value, Countries.WritesMonthFirst(countryIso2), today.Year);
        if (date is not { } d)
        {
            return null;
        }

        if (d.Year < 1880 || d > today || (d.Month == 1 && d.Day == 1 && d.Year is 1900 or 1901 or 1970))
        {
            return null;
        }

        return d;
    }

    private static DateOnly? ParseParts(string value, bool monthFirst, int thisYear)
    {
        var tokens = new List<string>();
        var current = new System.Text.StringBuilder();
        foreach (var c in value.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                if (current.Length > 0 && char.IsAsciiDigit(current[^1]) != char.IsAsciiDigit(c))
                {
                    tokens.Add(current.ToString());
                    current.Clear();
                }

                current.Append(c);
            }
            else if (current.Length > 0)
            {
                tokens.Add(current.ToString());
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            tokens.Add(current.ToString());
        }

        // Ordinal suffixes ("12th") and words such as "of" carry nothing.
        tokens.RemoveAll(t => t is "st" or "nd" or "rd" or "th" or "of");
        if (tokens.Count == 1 && tokens[0].Length == 8 && tokens[0].All(char.IsAsciiDigit))
        {
            var compact = tokens[0];
            var yearFirst = int.Parse(compact[..4], CultureInfo.InvariantCulture) >= 1800;
            return yearFirst ? Make(thisYear, compact[..4], compact[4..6], compact[6..]) : monthFirst ? Make(thisYear, compact[4..], compact[..2], compact[2..4]) : Make(thisYear, compact[4..], compact[2..4], compact[..2]);
        }

        if (tokens.Count != 3)
        {
            return null;
        }

        var monthIndex = tokens.FindIndex(t => !t.All(char.IsAsciiDigit));
        if (monthIndex >= 0)
        {
            var month = MonthOf(tokens[monthIndex]);
            if (month is null)
            {
                return null;
            }

            var numbers = tokens.Where((_, i) => i != monthIndex).ToList();
            var (day, year) = numbers[0].Length == 4 ? (numbers[1], numbers[0]) : (numbers[0], numbers[1]);
            return Make(thisYear, year, month.Value.ToString(CultureInfo.InvariantCulture), day);
        }

        if (tokens[0].Length == 4)
        {
            return Make(thisYear, tokens[0], tokens[1], tokens[2]);
        }

        var first = int.Parse(tokens[0], CultureInfo.InvariantCulture);
        var second = int.Parse(tokens[1], CultureInfo.InvariantCulture);
        if (first > 12 && second <= 12)
        {
            return Make(thisYear, tokens[2], tokens[1], tokens[0]);
        }

        if (second > 12 && first <= 12)
        {
            return Make(thisYear, tokens[2], tokens[0], tokens[1]);
        }

        return monthFirst ? Make(thisYear, tokens[2], tokens[0], tokens[1]) : Make(thisYear, tokens[2], tokens[1], tokens[0]);
    }

    private static int? MonthOf(string word)
    {
        if (word.Length < 3)
        {
            return null;
        }

        var index = Array.IndexOf(Months, word[..3]);
        return index < 0 ? null : index + 1;
    }

    private static DateOnly? Make(int thisYear, string year, string month, string day)
    {
        if (!int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y)
            || !int.TryParse(month, NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            || !int.TryParse(day, NumberStyles.None, CultureInfo.InvariantCulture, out var d))
        {
            return null;
        }

        if (year.Length == 2)
        {
            // Two-digit years of birth: the most recent century that is not in the future.
            y += 2000;
            if (y > thisYear)
            {
                y -= 100;
            }
        }
        else if (year.Length != 4)
        {
            return null;
        }

        return m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m) ? new DateOnly(y, m, d) : null;
    }
}
