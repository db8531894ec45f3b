using Customer360Hub.Connectors.Mapping;

namespace Customer360Hub.Connectors.Sdk;

/// <summary>An enabled connector with its mapping and schedule.</summary>
public sealed record ConnectorRegistration(ISourceConnector Connector, RecordMapper Mapper, TimeSpan Interval);
