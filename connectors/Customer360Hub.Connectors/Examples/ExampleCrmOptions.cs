using Customer360Hub.Connectors.Sdk;

namespace Customer360Hub.Connectors.Examples;

/// <summary>The example CRM (section <c>Connectors:ExampleCrm</c>); the walk-through in docs/connectors.md builds it.</summary>
public sealed class ExampleCrmOptions : ConnectorOptions
{
    public const string SectionName = "Connectors:ExampleCrm";
}
