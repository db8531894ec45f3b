using '../main.bicep'

// A developer's environment: serverless Cosmos DB, the sandbox-shaped connectors off until configured.
param environmentName = 'dev'
param location = 'westeurope'
param cosmosCapacityMode = 'serverless'
param apiAudience = 'api://customer360hub-dev'
param enableKeyVaultPurgeProtection = false
param connectorSchedules = {
  BusinessCentral: '0 */15 * * * *'
  Zendesk: '0 */15 * * * *'
  Stripe: '0 */15 * * * *'
  HubSpot: '0 */15 * * * *'
  Salesforce: '0 */15 * * * *'
  Graph: '0 */15 * * * *'
}
param appSettings = {
  Connectors__Zendesk__Enabled: 'false'
  Connectors__BusinessCentral__Enabled: 'false'
}
param keyVaultReferences = {}
