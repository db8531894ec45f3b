using Customer360Hub.Changes;
using Customer360Hub.Profiles;
using Microsoft.Extensions.Options;

namespace Customer360Hub.Quality;

/// <summary>
/// Screens a change's values before anything uses them: an invalid email, phone, date, amount or
/// code is taken out of the change and quarantined with its reason (never silently dropped);
/// valid values are put in canonical form (dates ISO 8601, currencies upper case, consent and
/// types in their vocabulary).
/// </summary>
public sealed class RecordValidator(IOptions<QualityOptions> options, TimeProvider time)
{
    private static readonly HashSet<string> BuiltInPlaceholders = new(StringComparer.OrdinalIgnoreCase)
    {
        "n/a", "na", "n.a.", "none", "null", "nil", "unknown", "-", "--", ".", "?", "tbd", "not available", "no email", "noemail",
    };

    private static readonly HashSet<string> PartyTypes = new(StringComparer.Ordinal) { "person", "organization" };
    private static readonly HashSet<string> AccountTypes = new(StringComparer.Ordinal) { "customer", "prospect", "partner", "competitor", "household" };
    private static readonly HashSet<string> Intervals = new(StringComparer.Ordinal) { "day", "week", "month", "quarter", "year" };

    /// <summary>The change with only valid values, and a quarantine document for each value refused.</summary>
    public (SourceChange Change, IReadOnlyList<QuarantinedRecord> Refused) Screen(SourceChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (change.Operation == ChangeOperation.Delete || change.Attributes.Count == 0)
        {
            return (change, []);
        }

        var now = time.GetUtcNow();
        var settings = options.Value;
        Dictionary<string, string>? cleaned = null;
        List<QuarantinedRecord>? refused = null;
        foreach (var (field, value) in change.Attributes)
        {
            var (accepted, reason) = change.Kind == RecordKind.Party
                ? ScreenParty(field, value, change.Attributes, settings, now)
                : ScreenTransaction(field, value, settings, now);
            if (accepted == value)
            {
                continue;
            }

            cleaned ??= new Dictionary<string, string>(change.Attributes, StringComparer.Ordinal);
            if (accepted is null)
            {
                cleaned.Remove(field);
                (refused ??= []).Add(new QuarantinedRecord(change.Source, change.EntityType, change.RecordId, reason!, change.RawRef, now) { Field = field, Value = value });
            }
            else
            {
                cleaned[field] = accepted;
            }
        }

        return (cleaned is null ? change : change with { Attributes = cleaned }, refused ?? []);
    }

    /// <summary>The quarantine id of a refused value.</summary>
    public static string QuarantineId(string entityType, string recordId, string? field) =>
        field is null ? entityType + "/" + recordId : entityType + "/" + recordId + "#" + field;

    private static (string? Value, string? Reason) ScreenParty(string field, string value, IReadOnlyDictionary<string, string> attributes, QualityOptions settings, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return (value, null);
        }

        if (IsPlaceholder(value, settings))
        {
            return (null, $"'{field}' holds a placeholder, not a value");
        }

        switch (field)
        {
            case CanonicalFields.Email:
                return EmailAddress.Normalize(value) is null ? (null, "not a valid email address") : (value.Trim(), null);
            case CanonicalFields.Phone:
                var region = attributes.GetValueOrDefault(CanonicalFields.Country);
                return PhoneFormat.ToE164(value, region, settings.DefaultPhoneRegion) is null
                    ? (null, $"not a valid phone number (region {(region is { Length: 2 } ? region.ToUpperInvariant() : settings.DefaultPhoneRegion)})")
                    : (value.Trim(), null);
            case CanonicalFields.DateOfBirth:
                var date = DateValues.ParseDate(value);
                if (date is null)
                {
                    return (null, "not a date");
                }

                if (date > DateOnly.FromDateTime(now.UtcDateTime))
                {
                    return (null, "a date of birth in the future");
                }

                return date < settings.EarliestBirthDate
                    ? (null, $"a date of birth before {settings.EarliestBirthDate:yyyy-MM-dd}")
                    : (date.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), null);
            case CanonicalFields.PartyType:
                return Vocabulary(value, PartyTypes, "party type");
            case CanonicalFields.AccountType:
                return Vocabulary(value, AccountTypes, "account type");
            case CanonicalFields.ContactRole:
                var roles = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Select(r => r.ToLowerInvariant().Replace(' ', '_'))
                    .Distinct(StringComparer.Ordinal);
                return (string.Join(',', roles), null);
            default:
                if (ConsentValues.Channels.Values.Contains(field))
                {
                    return ConsentValues.Normalize(value) is { } consent ? (consent, null) : (null, "not a consent value (opted_in or opted_out)");
                }

                return (value, null);
        }
    }

    private static (string? Value, string? Reason) ScreenTransaction(string field, string value, QualityOptions settings, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return (value, null);
        }

        switch (field)
        {
            case CanonicalFields.OccurredAt:
                var at = DateValues.ParseTime(value);
                if (at is null)
                {
                    return (null, "not an ISO 8601 time");
                }

                return at > now + settings.FutureTolerance ? (null, "a time in the future") : (value, null);
            case CanonicalFields.Amount or CanonicalFields.AmountDue or CanonicalFields.Quantity or CanonicalFields.UsageLimit:
                return DateValues.ParseDecimal(value) is null ? (null, "not a number") : (value, null);
            case CanonicalFields.DueDate or CanonicalFields.RenewalDate or CanonicalFields.CloseDate:
                return DateValues.ParseDate(value) is { } date
                    ? (date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), null)
                    : (null, "not a date");
            case CanonicalFields.Currency:
                var code = value.Trim();
                return code.Length == 3 && code.All(char.IsAsciiLetter) ? (code.ToUpperInvariant(), null) : (null, "not an ISO 4217 currency code");
            case CanonicalFields.Csat:
                return Satisfaction(value) is null && !IsRatedScale(value) ? (null, "not a satisfaction rating (good, bad or 1 to 5)") : (value, null);
            case CanonicalFields.BillingInterval:
                return Vocabulary(value, Intervals, "billing interval");
            case CanonicalFields.Nps:
                return NpsAnswer(value) is { } answer ? (answer.ToString(System.Globalization.CultureInfo.InvariantCulture), null) : (null, "not a Net Promoter Score answer (a whole number from 0 to 10)");
            default:
                return (value, null);
        }
    }

    /// <summary>True satisfied, false not satisfied, null unrated or unreadable.</summary>
    public static bool? Satisfaction(string? value)
    {
        var text = value?.Trim().ToUpperInvariant();
        return text switch
        {
            "GOOD" or "SATISFIED" or "POSITIVE" => true,
            "BAD" or "UNSATISFIED" or "DISSATISFIED" or "NEGATIVE" => false,
            _ when IsRatedScale(text) => int.Parse(text!, System.Globalization.CultureInfo.InvariantCulture) >= 4,
            _ => null,
        };
    }

    /// <summary>A Net Promoter Score answer from 0 to 10, or null when the value is not one.</summary>
    public static int? NpsAnswer(string? value) =>
        int.TryParse(value?.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var answer) && answer is >= 0 and <= 10 ? answer : null;

    private static bool IsRatedScale(string? text) => text?.Trim() is { Length: 1 } digit && digit[0] is >= '1' and <= '5';

    private static (string? Value, string? Reason) Vocabulary(string value, HashSet<string> allowed, string what)
    {
        var normalized = value.Trim().ToLowerInvariant().Replace(' ', '_');
        if (normalized == "organisation" || normalized == "company")
        {
            normalized = "organization";
        }

        return allowed.Contains(normalized) ? (normalized, null) : (null, $"not a known {what} ({string.Join(", ", allowed)})");
    }

    private static bool IsPlaceholder(string value, QualityOptions settings)
    {
        var trimmed = value.Trim();
        return BuiltInPlaceholders.Contains(trimmed) || settings.Placeholders.Contains(trimmed, StringComparer.OrdinalIgnoreCase);
    }
}
