using '../main.bicep'

// Production: autoscale throughput, alerts by email. Secrets live in Key Vault; only their names are here.
param environmentName = 'prod'
param location = 'westeurope'
param cosmosCapacityMode = 'autoscale'
param cosmosAutoscaleMaxThroughput = 10000
param apiAudience = 'api://customer360hub'
param alertEmail = 'ops@example.com'
param connectorSchedules = {
  BusinessCentral: '0 */5 * * * *'
  Zendesk: '0 */5 * * * *'
  Stripe: '0 */5 * * * *'
  HubSpot: '0 */5 * * * *'
  Salesforce: '0 */5 * * * *'
  Graph: '0 */5 * * * *'
}
param appSettings = {
  Connectors__Zendesk__Enabled: 'true'
  Connectors__Zendesk__BaseUrl: 'https://example.zendesk.com'
  Connectors__BusinessCentral__Enabled: 'false'
}
param keyVaultReferences = {}
