using System.Buffers;
using System.Collections.Concurrent;
using System.Text.Json;
using Customer360Hub.Api.Security;
using Microsoft.Extensions.Options;

namespace Customer360Hub.Api.Scoping;

/// <summary>
/// The compiled scoping policy: which groups a caller sees (as a bit mask) and a writer that copies a
/// JSON response keeping only fields of visible groups. Masking happens on the server before any
/// byte is sent, for every response that carries profile data.
/// </summary>
public sealed class FieldScopePolicy
{
    public const string Discriminator = "kind";

    private readonly string[] _groupNames;
    private readonly Dictionary<string, ulong> _roleMasks;
    private readonly ulong _ownerOnly;
    private readonly Dictionary<string, ScopeNode> _roots = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<ulong, IReadOnlyList<string>> _namesByMask = new();

    public FieldScopePolicy(IOptions<ScopingOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        _groupNames = [.. settings.Groups.Keys.Order(StringComparer.Ordinal)];
        var index = _groupNames.Select((name, i) => (name, i)).ToDictionary(x => x.name, x => x.i, StringComparer.Ordinal);
        _ownerOnly = settings.Groups.Where(g => g.Value.OwnerOrManagerOnly).Aggregate(0UL, (mask, g) => mask | Bit(index[g.Key]));
        _roleMasks = settings.Roles.ToDictionary(
            r => r.Key,
            r => SplitGroups(r.Value).Aggregate(0UL, (mask, g) => mask | Bit(index[g])),
            StringComparer.Ordinal);
        foreach (var (path, group) in WithMirrors(settings.Fields))
        {
            var segments = path.Split('.');
            if (!_roots.TryGetValue(segments[0], out var node))
            {
                node = new ScopeNode();
                _roots[segments[0]] = node;
            }

            foreach (var segment in segments.Skip(1))
            {
                node = node.GetOrAdd(segment);
            }

            node.Group = index[group];
        }

        foreach (var root in _roots.Values)
        {
            root.Seal();
        }

        OwnerField = settings.OwnerField;
    }

    /// <summary>The canonical golden field that names a profile's owner.</summary>
    public string OwnerField { get; }

    /// <summary>The groups the caller's roles see, before owner-only groups are checked against a profile.</summary>
    public ulong MaskFor(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var mask = 0UL;
        foreach (var role in caller.Roles)
        {
            mask |= _roleMasks.GetValueOrDefault(role);
        }

        return mask;
    }

    /// <summary>The caller's groups for one profile: owner-only groups stay only for its owner and for managers.</summary>
    public ulong MaskFor(Caller caller, string? owner)
    {
        var mask = MaskFor(caller);
        var isOwner = owner is not null && caller.UserId is not null && string.Equals(owner, caller.UserId, StringComparison.OrdinalIgnoreCase);
        return caller.IsManager || isOwner ? mask : mask & ~_ownerOnly;
    }

    /// <summary>The caller's groups when no single profile is in view (search results): owner-only groups only for managers.</summary>
    public ulong MaskWithoutOwnership(Caller caller) => MaskFor(caller, owner: null);

    /// <summary>True when <paramref name="mask"/> holds the group named <paramref name="group"/>.</summary>
    public bool Sees(ulong mask, string group)
    {
        var index = Array.IndexOf(_groupNames, group);
        return index >= 0 && (mask & Bit(index)) != 0;
    }

    /// <summary>The names of the groups in <paramref name="mask"/>; one shared list per mask (every cached view and audit record of it holds the same).</summary>
    public IReadOnlyList<string> GroupNames(ulong mask) =>
        _namesByMask.GetOrAdd(mask, static (m, names) => Array.AsReadOnly(names.Where((_, i) => (m & Bit(i)) != 0).ToArray()), _groupNames);

    /// <summary>True when a field at <paramref name="path"/> would be sent to a caller with <paramref name="mask"/>.</summary>
    public bool IsVisible(string path, ulong mask)
    {
        ArgumentNullException.ThrowIfNull(path);
        var segments = path.Split('.');
        if (!_roots.TryGetValue(segments[0], out var node))
        {
            return false;
        }

        var effective = node.Group;
        foreach (var segment in segments.Skip(1))
        {
            var parent = node;
            node = node?.Child(segment);
            if (effective < 0 && node is { Group: < 0 } && ReferenceEquals(node, parent!.Wildcard))
            {
                return false;
            }

            if (node is { Group: >= 0 })
            {
                if ((mask & Bit(node.Group)) == 0)
                {
                    return false;
                }

                effective = node.Group;
            }
        }

        return effective >= 0 && (mask & Bit(effective)) != 0;
    }

    /// <summary>
    /// Writes <paramref name="element"/> keeping only visible fields; false (and nothing written) when
    /// the element as a whole is hidden. <paramref name="emitted"/> collects the groups written.
    /// </summary>
    public bool TryWrite(Utf8JsonWriter writer, JsonElement element, string root, ulong mask, ref ulong emitted)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var node = _roots.GetValueOrDefault(root);
        return new Walker(writer, mask).Write(element, node, node?.Group ?? -1, discriminated: true, ref emitted);
    }

    /// <summary>The scoped copy of <paramref name="element"/> as UTF-8 JSON (an empty object when all of it is hidden).</summary>
    public byte[] Scope(JsonElement element, string root, ulong mask, out ulong emitted)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        emitted = 0;
        using (var writer = new Utf8JsonWriter(buffer))
        {
            if (!TryWrite(writer, element, root, mask, ref emitted))
            {
                writer.WriteStartObject();
                writer.WriteEndObject();
            }
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>
    /// The configured rules plus the paths that show the same data elsewhere: a golden field's lineage
    /// (<c>profile.lineage.x</c>) follows the field (<c>profile.fields.x</c>), and an account (an
    /// organisation's profile) follows the profile, unless configuration classifies them itself.
    /// </summary>
    private static Dictionary<string, string> WithMirrors(Dictionary<string, string> configured)
    {
        const string Fields = ScopeRoots.Profile + ".fields.";
        const string Lineage = ScopeRoots.Profile + ".lineage.";
        const string Profile = ScopeRoots.Profile + ".";
        var rules = new Dictionary<string, string>(configured, StringComparer.Ordinal);
        foreach (var (path, group) in configured.Where(r => r.Key.StartsWith(Fields, StringComparison.Ordinal)))
        {
            rules.TryAdd(Lineage + path[Fields.Length..], group);
        }

        foreach (var (path, group) in rules.Where(r => r.Key.StartsWith(Profile, StringComparison.Ordinal)).ToList())
        {
            rules.TryAdd(ScopeRoots.Account + "." + path[Profile.Length..], group);
        }

        return rules;
    }

    internal static IEnumerable<string> SplitGroups(string groups) =>
        groups.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static ulong Bit(int index) => 1UL << index;

    private readonly struct Walker(Utf8JsonWriter writer, ulong mask)
    {
        public bool Write(JsonElement element, ScopeNode? node, int effective, bool discriminated, ref ulong emitted)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    if (discriminated && element.TryGetProperty(Discriminator, out var kind) && kind.ValueKind == JsonValueKind.String)
                    {
                        // An item of a kind nobody classified is left out whole, not shown with its envelope.
                        var kindNode = node?.Children.GetValueOrDefault(kind.GetString()!);
                        if (kindNode is not { Group: >= 0 } || !Visible(kindNode.Group))
                        {
                            return false;
                        }

                        node = kindNode;
                        effective = kindNode.Group;
                    }

                    writer.WriteStartObject();
                    foreach (var property in element.EnumerateObject())
                    {
                        var child = node?.Child(property.Name);
                        var childEffective = effective;
                        if (child is { Group: >= 0 })
                        {
                            if (!Visible(child.Group))
                            {
                                continue;
                            }

                            childEffective = child.Group;
                        }

                        // A wildcard without a group of its own only narrows fields classified
                        // above it; below an unclassified field it classifies nothing.
                        if (childEffective < 0 && (child is null || (child.Subtree & mask) == 0 || ReferenceEquals(child, node!.Wildcard)))
                        {
                            continue;
                        }

                        if (property.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
                        {
                            writer.WritePropertyName(property.Name);
                            Write(property.Value, child, childEffective, discriminated: false, ref emitted);
                        }
                        else if (childEffective >= 0)
                        {
                            property.WriteTo(writer);
                            emitted |= Bit(childEffective);
                        }
                    }

                    writer.WriteEndObject();
                    return true;

                case JsonValueKind.Array:
                    writer.WriteStartArray();
                    foreach (var item in element.EnumerateArray())
                    {
                        Write(item, node, effective, discriminated: true, ref emitted);
                    }

                    writer.WriteEndArray();
                    return true;

                default:
                    if (effective < 0)
                    {
                        return false;
                    }

                    element.WriteTo(writer);
                    emitted |= Bit(effective);
                    return true;
            }
        }

        private bool Visible(int group) => (mask & Bit(group)) != 0;
    }
}
