using '../main.bicep'

// Production: autoscale throughput, alerts by email. Secrets live in Key Vault; only their names are here.
param environmentName = 'prod'
param location = 'westeurope'
param cosmosCapacityMode = 'autoscale'
param cosmosAutoscaleMaxThroughput = 10000
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
  Api__Keys__0__Name: 'salesforce'
  Api__Keys__0__Role: 'reader'
  Api__Keys__1__Name: 'ops'
  Api__Keys__1__Role: 'admin'
}
param keyVaultReferences = {
  Api__Keys__0__Key: 'api-key-salesforce'
  Api__Keys__1__Key: 'api-key-ops'
}
