using Customer360Hub.Changes;
using Customer360Hub.Connectors.Sdk;

namespace Customer360Hub.Connectors.Mapping;

/// <summary>Turns source items into <see cref="SourceChange"/>s with a connector's mapping.</summary>
public sealed class RecordMapper(SourceMapping mapping)
{
    public SourceMapping Mapping => mapping;

    /// <summary>Maps one item; throws <see cref="MappingException"/> with the reason when it cannot.</summary>
    public SourceChange Map(SourceItem item, DateTimeOffset pulledAt, string? rawRef)
    {
        ArgumentNullException.ThrowIfNull(item);
        // '*' maps every entity type the mapping does not name (a file drop's configured entity type).
        if (!mapping.Entities.TryGetValue(item.EntityType, out var entity) && !mapping.Entities.TryGetValue("*", out entity))
        {
            throw new MappingException($"no mapping for entity type '{item.EntityType}'");
        }

        if (string.IsNullOrWhiteSpace(item.RecordId))
        {
            throw new MappingException("the record has no id");
        }

        var operation = item.Deleted ? ChangeOperation.Delete : ChangeOperation.Upsert;
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        string? customerRef = null;
        if (!item.Deleted)
        {
            foreach (var (field, expression) in entity.Fields)
            {
                if (FieldExpression.Evaluate(expression, item.Payload) is { } value)
                {
                    attributes[field] = value;
                }
            }

            if (entity.CustomerRef is not null)
            {
                customerRef = FieldExpression.Evaluate(entity.CustomerRef, item.Payload);
                if (customerRef is null && entity.Kind != RecordKind.Party)
                {
                    throw new MappingException($"the {item.EntityType} has no customer reference ({entity.CustomerRef})");
                }
            }
        }

        return new SourceChange
        {
            Id = IdempotencyId.For(mapping.Source, item.EntityType, item.RecordId, item.Version, operation),
            Source = mapping.Source,
            EntityType = item.EntityType,
            Kind = entity.Kind,
            RecordId = item.RecordId,
            SourceVersion = item.Version,
            ModifiedAt = item.ModifiedAt,
            Operation = operation,
            PulledAt = pulledAt,
            RawRef = rawRef,
            CustomerRef = customerRef,
            Attributes = attributes,
        };
    }
}
