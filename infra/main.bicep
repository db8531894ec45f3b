targetScope = 'subscription'

metadata description = 'Customer360Hub on Azure: Functions (Flex Consumption), Service Bus, Cosmos DB, Storage, Key Vault, monitoring. Managed identity everywhere; no keys.'

@description('Required. Environment name (azd sets it); prefixes every resource.')
@minLength(2)
@maxLength(12)
param environmentName string

@description('Required. Azure region.')
param location string

@description('Required. The API\'s Entra ID application id URI or client id (docs/deploy.md): bearer tokens must carry it as audience.')
param apiAudience string

@description('Optional. Tenant that issues the API\'s bearer tokens (default: the deployment\'s tenant).')
param apiTenantId string = tenant().tenantId

@description('Optional. Cosmos DB capacity: serverless or autoscale.')
@allowed([
  'serverless'
  'autoscale'
])
param cosmosCapacityMode string = 'serverless'

@description('Optional. Cosmos DB autoscale maximum RU/s (autoscale only).')
param cosmosAutoscaleMaxThroughput int = 4000

@description('Optional. Deliveries before a message is dead-lettered.')
param maxDeliveryCount int = 10

@description('Optional. NCRONTAB schedule per connector.')
param connectorSchedules object = {
  BusinessCentral: '0 */5 * * * *'
  Zendesk: '0 */5 * * * *'
  Stripe: '0 */5 * * * *'
  HubSpot: '0 */5 * * * *'
  Salesforce: '0 */5 * * * *'
  Graph: '0 */5 * * * *'
}

@description('Optional. NCRONTAB schedule per scoring job (HealthSnapshots, CoOccurrenceRules); unset jobs run at 02:00 and 01:00 UTC.')
param jobSchedules object = {}

@description('Optional. Plain app settings (connector switches and URLs). Never a secret.')
param appSettings object = {}

@description('Optional. App settings read from Key Vault: setting name to secret name.')
param keyVaultReferences object = {}

@description('Optional. Email for alerts; empty for portal-only alerts.')
param alertEmail string = ''

@description('Optional. Days raw source pages are kept.')
param rawRetentionDays int = 400

@description('Optional. Key Vault purge protection (leave on in production).')
param enableKeyVaultPurgeProtection bool = true

var token = toLower(uniqueString(subscription().id, environmentName, location))
var prefix = toLower('c360-${environmentName}')
var names = {
  storage: take('c360${token}', 24)
  serviceBus: '${prefix}-bus-${take(token, 6)}'
  cosmos: '${prefix}-store-${take(token, 6)}'
  keyVault: take('kv-c360-${token}', 24)
  functions: '${prefix}-func-${take(token, 6)}'
  insights: '${prefix}-insights'
}
var tags = {
  'azd-env-name': environmentName
  application: 'customer360hub'
}

resource group 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'rg-${prefix}'
  location: location
  tags: tags
}

module monitoring 'modules/monitoring.bicep' = {
  scope: group
  params: {
    name: prefix
    location: location
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  scope: group
  params: {
    name: names.storage
    location: location
    rawRetentionDays: rawRetentionDays
    tags: tags
  }
}

module serviceBus 'modules/servicebus.bicep' = {
  scope: group
  params: {
    name: names.serviceBus
    location: location
    maxDeliveryCount: maxDeliveryCount
    tags: tags
  }
}

module cosmos 'modules/cosmos.bicep' = {
  scope: group
  params: {
    name: names.cosmos
    location: location
    capacityMode: cosmosCapacityMode
    autoscaleMaxThroughput: cosmosAutoscaleMaxThroughput
    tags: tags
  }
}

module keyVault 'modules/keyvault.bicep' = {
  scope: group
  params: {
    name: names.keyVault
    location: location
    enablePurgeProtection: enableKeyVaultPurgeProtection
    tags: tags
  }
}

module functions 'modules/functionapp.bicep' = {
  scope: group
  // The role assignments inside read the vault by name.
  dependsOn: [
    keyVault
  ]
  params: {
    name: names.functions
    location: location
    storageAccountName: names.storage
    blobEndpoint: storage.outputs.blobEndpoint
    applicationInsightsConnectionString: monitoring.outputs.connectionString
    serviceBusNamespace: serviceBus.outputs.fullyQualifiedNamespace
    cosmosEndpoint: cosmos.outputs.endpoint
    cosmosDatabase: cosmos.outputs.databaseName
    keyVaultName: names.keyVault
    serviceBusName: names.serviceBus
    cosmosAccountName: names.cosmos
    applicationInsightsName: names.insights
    apiAudience: apiAudience
    apiTenantId: apiTenantId
    maxDeliveryCount: maxDeliveryCount
    connectorSchedules: connectorSchedules
    jobSchedules: jobSchedules
    appSettings: appSettings
    keyVaultReferences: keyVaultReferences
    tags: tags
  }
}

module alerts 'modules/alerts.bicep' = {
  scope: group
  params: {
    name: prefix
    location: location
    applicationInsightsId: monitoring.outputs.resourceId
    serviceBusId: serviceBus.outputs.resourceId
    alertEmail: alertEmail
    tags: tags
  }
}

@description('The resource group azd deploys into.')
output AZURE_RESOURCE_GROUP string = group.name

@description('The function app name (publish target).')
output AZURE_FUNCTION_APP_NAME string = functions.outputs.name

@description('The API base address.')
output API_BASE_URL string = 'https://${functions.outputs.defaultHostName}/api/v1'

@description('The Key Vault that holds connector secrets and API keys.')
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name

@description('The ops workbook.')
output WORKBOOK_ID string = alerts.outputs.workbookResourceId
