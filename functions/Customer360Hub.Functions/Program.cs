using Customer360Hub.Azure.Hosting;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddCustomer360FunctionsApp(builder.Configuration);
await builder.Build().RunAsync();
