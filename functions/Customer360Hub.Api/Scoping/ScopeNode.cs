namespace Customer360Hub.Api.Scoping;

/// <summary>One segment of the compiled field-path tree.</summary>
internal sealed class ScopeNode
{
    public Dictionary<string, ScopeNode> Children { get; } = new(StringComparer.Ordinal);

    public ScopeNode? Wildcard { get; set; }

    /// <summary>The group index of a rule ending here; -1 when none does.</summary>
    public int Group { get; set; } = -1;

    /// <summary>Every group classified here or below, as a bit mask.</summary>
    public ulong Subtree { get; set; }

    /// <summary>The child for a property name: an exact rule wins over <c>*</c>.</summary>
    public ScopeNode? Child(string name) => Children.TryGetValue(name, out var exact) ? exact : Wildcard;

    public ScopeNode GetOrAdd(string segment)
    {
        if (segment == "*")
        {
            return Wildcard ??= new ScopeNode();
        }

        if (!Children.TryGetValue(segment, out var child))
        {
            child = new ScopeNode();
            Children[segment] = child;
        }

        return child;
    }

    /// <summary>Copies wildcard rules into exact siblings (exact rules win), then computes <see cref="Subtree"/>.</summary>
    public ulong Seal()
    {
        if (Wildcard is not null)
        {
            foreach (var child in Children.Values)
            {
                child.MergeFrom(Wildcard);
            }
        }

        var subtree = Group >= 0 ? 1UL << Group : 0;
        foreach (var child in Children.Values)
        {
            subtree |= child.Seal();
        }

        if (Wildcard is not null)
        {
            subtree |= Wildcard.Seal();
        }

        Subtree = subtree;
        return subtree;
    }

    private void MergeFrom(ScopeNode other)
    {
        if (Group < 0)
        {
            Group = other.Group;
        }

        foreach (var (name, theirs) in other.Children)
        {
            GetOrAdd(name).MergeFrom(theirs);
        }

        if (other.Wildcard is not null)
        {
            (Wildcard ??= new ScopeNode()).MergeFrom(other.Wildcard);
        }
    }
}
