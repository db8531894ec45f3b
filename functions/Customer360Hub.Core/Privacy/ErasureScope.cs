using System.Text;
using Customer360Hub.Changes;
using Customer360Hub.Profiles;
using Customer360Hub.Resolution;

namespace Customer360Hub.Privacy;

/// <summary>
/// Everything an erasure must find: the person's profiles, party records and transactions, the
/// references that point at them, the normalised identifiers to suppress, and the distinctive
/// values (emails, phones, names, address lines, national ids) to scrub from raw pages and messages.
/// </summary>
public sealed class ErasureScope
{
    public const string Redacted = "[erased]";

    /// <summary>Shorter values are not scrubbed as free text: they would hit other people's data.</summary>
    private const int MinNeedleLength = 5;

    private static readonly string[] NeedleFields =
    [
        CanonicalFields.Email, CanonicalFields.Phone, CanonicalFields.FullName, CanonicalFields.AddressLine1,
        CanonicalFields.NationalId,
    ];

    public HashSet<string> ProfileIds { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, SourceRecord> PartyRecords { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Transactions { get; } = new(StringComparer.Ordinal);

    /// <summary>Customer references that name the person: record keys and <c>email:</c>/<c>phone:</c> values.</summary>
    public HashSet<string> Refs { get; } = new(StringComparer.Ordinal);

    /// <summary>Normalised identifiers to suppress (<c>record:</c>, <c>email:</c>, <c>phone:</c>).</summary>
    public HashSet<string> Identifiers { get; } = new(StringComparer.Ordinal);

    /// <summary>Distinctive values to scrub wherever they appear, longest first.</summary>
    public List<string> Needles { get; private set; } = [];

    private readonly HashSet<string> _needles = new(StringComparer.OrdinalIgnoreCase);

    public void AddParty(SourceRecord record, CustomerRefs refs)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(refs);
        PartyRecords[record.RecordKey] = record;
        Refs.Add(record.RecordKey);
        Identifiers.Add(SuppressionList.RecordPrefix + record.RecordKey);
        AddValues(record.Attributes, refs);
    }

    /// <summary>Values of the person from anywhere (records, golden values, their alternatives).</summary>
    public void AddValues(IReadOnlyDictionary<string, string> attributes, CustomerRefs refs)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        ArgumentNullException.ThrowIfNull(refs);
        if (CustomerRefs.EmailRef(attributes.GetValueOrDefault(CanonicalFields.Email)) is { } email)
        {
            Refs.Add(email);
            Identifiers.Add(email);
            AddNeedle(email[RecordKeys.EmailRefPrefix.Length..]);
        }

        if (refs.PhoneRef(attributes.GetValueOrDefault(CanonicalFields.Phone), attributes.GetValueOrDefault(CanonicalFields.Country)) is { } phone)
        {
            Refs.Add(phone);
            Identifiers.Add(phone);
            AddNeedle(phone[CustomerRefs.PhoneRefPrefix.Length..]);
        }

        foreach (var field in NeedleFields)
        {
            AddNeedle(attributes.GetValueOrDefault(field));
        }

        if (attributes.GetValueOrDefault(CanonicalFields.GivenName) is { } given && attributes.GetValueOrDefault(CanonicalFields.FamilyName) is { } family)
        {
            AddNeedle(given.Trim() + " " + family.Trim());
            AddNeedle(family.Trim() + ", " + given.Trim());
        }
    }

    public void AddTransaction(string recordKey)
    {
        Transactions.Add(recordKey);
        Identifiers.Add(SuppressionList.RecordPrefix + recordKey);
    }

    /// <summary>Record ids of the scope's records in one source entity, to find their items in raw pages.</summary>
    public HashSet<string> RecordIdsOf(string source, string entityType)
    {
        var prefix = source + "/" + entityType + "/";
        return PartyRecords.Keys.Concat(Transactions)
            .Where(k => k.StartsWith(prefix, StringComparison.Ordinal))
            .Select(k => k[prefix.Length..])
            .ToHashSet(StringComparer.Ordinal);
    }

    public bool ContainsNeedle(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Needles.Exists(n => text.Contains(n, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The text with every needle replaced by <see cref="Redacted"/>.</summary>
    public string Scrub(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var needle in Needles)
        {
            if (text.Contains(needle, StringComparison.OrdinalIgnoreCase))
            {
                text = text.Replace(needle, Redacted, StringComparison.OrdinalIgnoreCase);
            }
        }

        return text;
    }

    /// <summary>True when a bus message is about the person: a change of one of their records or references, or any message naming them.</summary>
    public bool CarriesPerson(ReadOnlyMemory<byte> body, CustomerRefs refs)
    {
        ArgumentNullException.ThrowIfNull(refs);
        try
        {
            var change = SourceChangeSerializer.Deserialize(body.Span);
            if (PartyRecords.ContainsKey(change.RecordKey) || Transactions.Contains(change.RecordKey)
                || (refs.Normalize(change.CustomerRef) is { } customerRef && Refs.Contains(customerRef)))
            {
                return true;
            }
        }
        catch (MalformedChangeException)
        {
            // Not a source change (a profile announcement, or garbage in a dead letter): look for names and ids in the text.
        }

        var text = Encoding.UTF8.GetString(body.Span);
        return ContainsNeedle(text) || ProfileIds.Any(id => text.Contains(id, StringComparison.Ordinal));
    }

    private void AddNeedle(string? value)
    {
        var trimmed = value?.Trim();
        if (trimmed is { Length: >= MinNeedleLength } && _needles.Add(trimmed))
        {
            Needles = [.. _needles.OrderByDescending(n => n.Length).ThenBy(n => n, StringComparer.Ordinal)];
        }
    }
}
