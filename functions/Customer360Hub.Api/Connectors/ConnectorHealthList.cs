namespace Customer360Hub.Api.Connectors;

/// <summary>The body of <c>GET /api/v1/connectors</c>.</summary>
public sealed record ConnectorHealthList(IReadOnlyList<ConnectorHealthView> Connectors);
