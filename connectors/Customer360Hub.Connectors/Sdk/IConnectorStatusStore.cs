namespace Customer360Hub.Connectors.Sdk;

/// <summary>Where connector health is kept so other processes (the API, <c>c360 connectors</c>) can read it. Embedded: files in the data folder.</summary>
public interface IConnectorStatusStore
{
    Task<IReadOnlyList<ConnectorStatus>> ListAsync(CancellationToken cancellationToken = default);

    Task SaveAsync(ConnectorStatus status, CancellationToken cancellationToken = default);
}
