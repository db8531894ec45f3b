using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Customer360Hub.Storage;

namespace Customer360Hub.IntegrationTests.Support;

/// <summary>
/// Everything the hub derived from its sources, as comparable text: live profiles, source records,
/// and timelines with their aggregates. What legitimately differs between two runs over the same
/// changes is left out or made canonical: times of processing (pulled, created, updated), archive
/// references, profile ids and how each member joined (which record founded a profile depends on
/// arrival order; a profile is named by its smallest member record key instead). Health scores are
/// left out too: their signals compare each score with the one before (so they depend on which
/// partial states were scored on the way), and an account's score reads its contacts as they are
/// when it is scored.
/// </summary>
internal sealed partial class ProfileSnapshot
{
    private static readonly HashSet<string> ProcessingTimes = new(StringComparer.Ordinal)
    {
        "createdAt", "updatedAt", "validFrom", "lastPulledAt", "pulledAt", "linkedAt", "scoredAt", "changedAt", "rawRef", "mergedFrom",
    };

    private ProfileSnapshot(IReadOnlyList<string> lines, int profiles, int records)
    {
        Lines = lines;
        Profiles = profiles;
        Records = records;
    }

    public IReadOnlyList<string> Lines { get; }

    /// <summary>Live (not merged-away) profiles.</summary>
    public int Profiles { get; }

    /// <summary>Source records (parties and transactions).</summary>
    public int Records { get; }

    /// <summary>The profiles as sets of member record keys: identity resolution's result alone.</summary>
    public IReadOnlyList<string> Clusters => Lines.Where(l => l.StartsWith("cluster ", StringComparison.Ordinal)).ToList();

    public static async Task<ProfileSnapshot> TakeAsync(HubStore hub)
    {
        var store = hub.Documents;
        var profiles = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        await foreach (var document in store.ScanAsync(Containers.Profiles))
        {
            profiles[document.Key.Id] = JsonNode.Parse(document.Body.Span)!.AsObject();
        }

        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (id, profile) in profiles)
        {
            if (profile["redirectTo"] is null && MemberKeys(profile).Min(StringComparer.Ordinal) is { } first)
            {
                names[id] = first;
            }
        }

        string NameOf(string id)
        {
            for (var hop = 0; hop < 8 && !names.ContainsKey(id) && profiles.TryGetValue(id, out var p) && p["redirectTo"]?.GetValue<string>() is { } next; hop++)
            {
                id = next;
            }

            return names.TryGetValue(id, out var name) ? name : "(no live profile " + id + ")";
        }

        var lines = new List<string>();
        foreach (var (id, profile) in profiles.Where(p => names.ContainsKey(p.Key)))
        {
            var members = MemberKeys(profile).Order(StringComparer.Ordinal).ToList();
            lines.Add("cluster " + string.Join(" | ", members));
            // How a member joined (founding record, or the score against whichever member it met
            // first) depends on arrival order; that it is a member does not.
            profile["members"] = new JsonArray(members.Select(m => (JsonNode)m).ToArray());
            profile["linkedMembers"] = new JsonArray(profile["linkedMembers"]?.AsArray().Select(m => m!.GetValue<string>()).Order(StringComparer.Ordinal).Select(m => (JsonNode)m).ToArray() ?? []);
            lines.Add("profile " + names[id] + " " + Canonical(profile, NameOf));
        }

        var records = 0;
        await foreach (var document in store.ScanAsync(Containers.Records))
        {
            records++;
            lines.Add("record " + document.Key.Id + " " + Canonical(JsonNode.Parse(document.Body.Span)!, NameOf));
        }

        await foreach (var document in store.ScanAsync(Containers.Timeline))
        {
            lines.Add("timeline " + NameOf(document.Key.PartitionKey) + " " + document.Key.Id + " " + Canonical(JsonNode.Parse(document.Body.Span)!, NameOf));
        }

        lines.Sort(StringComparer.Ordinal);
        return new ProfileSnapshot(lines, names.Count, records);
    }

    /// <summary>What differs from the expected snapshot: for each differing line, where it starts to differ.</summary>
    public string DifferenceFrom(ProfileSnapshot expected)
    {
        ArgumentNullException.ThrowIfNull(expected);
        var missing = expected.Lines.Except(Lines, StringComparer.Ordinal).ToList();
        var extra = Lines.Except(expected.Lines, StringComparer.Ordinal).ToList();
        var text = new StringBuilder();
        text.AppendLine($"{missing.Count} line(s) of the clean run missing, {extra.Count} line(s) not in the clean run.");
        foreach (var line in missing.Take(12))
        {
            var key = KeyOf(line);
            var other = extra.FirstOrDefault(e => KeyOf(e) == key);
            if (other is null)
            {
                text.Append("- ").AppendLine(Clip(line, 0));
                continue;
            }

            var at = 0;
            while (at < line.Length && at < other.Length && line[at] == other[at])
            {
                at++;
            }

            text.Append("- ").AppendLine(Clip(line, at));
            text.Append("+ ").AppendLine(Clip(other, at));
        }

        foreach (var line in extra.Where(e => missing.All(m => KeyOf(m) != KeyOf(e))).Take(12))
        {
            text.Append("+ ").AppendLine(Clip(line, 0));
        }

        return text.ToString();
    }

    private static string KeyOf(string line) => string.Join(' ', line.Split(' ', 3).Take(2));

    private static string Clip(string line, int at)
    {
        var key = KeyOf(line);
        var from = Math.Max(key.Length, at - 150);
        return key + " ..." + line[from..Math.Min(line.Length, at + 250)];
    }

    private static IEnumerable<string> MemberKeys(JsonObject profile) =>
        profile["members"]?.AsArray().Select(m => m!["recordKey"]!.GetValue<string>()) ?? [];

    private static string Canonical(JsonNode node, Func<string, string> nameOf)
    {
        Strip(node);
        return ProfileId().Replace(node.ToJsonString(), m => nameOf(m.Value));
    }

    private static void Strip(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var name in obj.Select(p => p.Key).Where(ProcessingTimes.Contains).ToList())
                {
                    obj.Remove(name);
                }

                if (obj["id"]?.GetValueKind() == System.Text.Json.JsonValueKind.String && ProfileId().IsMatch(obj["id"]!.GetValue<string>()))
                {
                    obj.Remove("id");
                }

                foreach (var (_, child) in obj)
                {
                    Strip(child);
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    Strip(child);
                }

                break;
        }
    }

    [GeneratedRegex("p-[0-9a-f]{20}", RegexOptions.CultureInvariant)]
    private static partial Regex ProfileId();
}
