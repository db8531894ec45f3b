using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Customer360Hub.Cli.Hosting;

/// <summary>What a caller adds to a <see cref="LocalHub"/> before it starts: services (they win over the hub's own) and endpoints.</summary>
public sealed record LocalHubExtension(Action<IServiceCollection>? Services = null, Action<IEndpointRouteBuilder>? Endpoints = null);
