metadata description = 'The Functions app on Flex Consumption with a system-assigned identity, and every role that identity needs (assignments named guid(scope, identity, role)). Every setting is an endpoint or a Key Vault reference, never a secret.'

@description('Required. Function app name.')
param name string

@description('Optional. Location of the resources.')
param location string = resourceGroup().location

@description('Required. Storage account for the host (timers, leases) and the deployment package.')
param storageAccountName string

@description('Required. Blob endpoint of that account.')
param blobEndpoint string

@description('Required. Application Insights connection string (names the resource; ingestion uses the identity).')
param applicationInsightsConnectionString string

@description('Required. Service Bus namespace host name.')
param serviceBusNamespace string

@description('Required. Cosmos DB account endpoint.')
param cosmosEndpoint string

@description('Required. Cosmos DB database name.')
param cosmosDatabase string

@description('Required. Key Vault name for secret references.')
param keyVaultName string

@description('Required. Service Bus namespace name.')
param serviceBusName string

@description('Required. Cosmos DB account name.')
param cosmosAccountName string

@description('Required. Application Insights name.')
param applicationInsightsName string

@description('Required. The API\'s Entra ID application id URI or client id: the audience its bearer tokens must carry.')
param apiAudience string

@description('Optional. Tenant that issues the API\'s bearer tokens.')
param apiTenantId string = tenant().tenantId

@description('Optional. Deliveries before dead-lettering; must match the subscriptions.')
param maxDeliveryCount int = 10

@description('Optional. NCRONTAB schedule per connector function, e.g. { BusinessCentral: \'0 */5 * * * *\' } (becomes the app setting <Name>Schedule). Connectors left out keep the default below.')
param connectorSchedules object = {}

// Every timer function needs its schedule setting, enabled or not, or the host cannot index it.
var defaultConnectorSchedules = {
  BusinessCentral: '0 */5 * * * *'
  Zendesk: '0 */5 * * * *'
  Stripe: '0 */5 * * * *'
  HubSpot: '0 */5 * * * *'
  Salesforce: '0 */5 * * * *'
  Graph: '0 */5 * * * *'
  FileDrop: '0 */5 * * * *'
}

@description('Optional. NCRONTAB schedule per scoring job function, e.g. { HealthSnapshots: \'0 30 3 * * *\' } (becomes the app setting <Name>Schedule). Jobs left out keep the default below.')
param jobSchedules object = {}

// Co-occurrence rules first, so the daily rescoring of every profile uses the day's rules.
var defaultJobSchedules = {
  CoOccurrenceRules: '0 0 1 * * *'
  HealthSnapshots: '0 0 2 * * *'
}

@description('Optional. Plain settings, e.g. { Connectors__Zendesk__Enabled: \'true\', Connectors__Zendesk__BaseUrl: \'https://acme.zendesk.com\' }. Never put a secret here.')
param appSettings object = {}

@description('Optional. Settings read from Key Vault: setting name to secret name, e.g. { Connectors__Zendesk__ApiToken: \'zendesk-api-token\', Api__Keys__0__Key: \'api-key-salesforce\' }.')
param keyVaultReferences object = {}

@description('Optional. Maximum instances the plan scales out to.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Optional. Memory per instance in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Optional. Tags for every resource.')
param tags object = {}

var baseSettings = {
  AzureWebJobsStorage__accountName: storageAccountName
  APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsightsConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'Authorization=AAD'
  ServiceBus__fullyQualifiedNamespace: serviceBusNamespace
  Azure__ServiceBus__FullyQualifiedNamespace: serviceBusNamespace
  Azure__ServiceBus__MaxDeliveryCount: string(maxDeliveryCount)
  Azure__Cosmos__Endpoint: cosmosEndpoint
  Azure__Cosmos__Database: cosmosDatabase
  Azure__Storage__BlobServiceUri: blobEndpoint
  Api__EntraId__Authority: '${environment().authentication.loginEndpoint}${apiTenantId}/v2.0'
  Api__EntraId__Audiences__0: apiAudience
}

var scheduleSettings = toObject(items(union(defaultConnectorSchedules, connectorSchedules, defaultJobSchedules, jobSchedules)), entry => '${entry.key}Schedule', entry => entry.value)

// Secrets the hub always needs; the operator creates them once (docs/deploy.md).
var requiredSecrets = {
  Privacy__HashKey: 'privacy-hash-key'
}

var keyVaultSettings = toObject(
  items(union(requiredSecrets, keyVaultReferences)),
  entry => entry.key,
  entry => '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=${entry.value})'
)

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: '${name}-plan'
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    reserved: true
  }
}

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: union(tags, {
    'azd-service-name': 'functions'
  })
  kind: 'functionapp,linux'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${blobEndpoint}deployments'
          authentication: {
            type: 'SystemAssignedIdentity'
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appSettings: map(items(union(baseSettings, scheduleSettings, appSettings, keyVaultSettings)), setting => {
        name: setting.key
        value: setting.value
      })
    }
  }
}

var roles = {
  serviceBusDataSender: '69a216fc-b8fb-44d8-bc22-1f3c2cd27a39'
  serviceBusDataReceiver: '4f6d3b9b-027b-4f4c-9142-0e5a2a2247e0'
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6'
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb'
  cosmosBuiltInDataContributor: '00000000-0000-0000-0000-000000000002'
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource serviceBus 'Microsoft.ServiceBus/namespaces@2024-01-01' existing = {
  name: serviceBusName
}

resource cosmos 'Microsoft.DocumentDB/databaseAccounts@2024-11-15' existing = {
  name: cosmosAccountName
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: keyVaultName
}

resource insights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

// Publishing changes, profile announcements and dead-letter replays.
resource sender 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(serviceBus.id, app.id, roles.serviceBusDataSender)
  scope: serviceBus
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.serviceBusDataSender)
    principalId: app.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

// The resolver and scorer triggers, and reading dead letters.
resource receiver 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(serviceBus.id, app.id, roles.serviceBusDataReceiver)
  scope: serviceBus
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.serviceBusDataReceiver)
    principalId: app.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

// Raw archive, checkpoints, audit, file drop, the host's timer leases and the deployment package.
resource blobOwner 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, app.id, roles.storageBlobDataOwner)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageBlobDataOwner)
    principalId: app.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

// Key Vault references in app settings (connector secrets, API keys).
resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, app.id, roles.keyVaultSecretsUser)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.keyVaultSecretsUser)
    principalId: app.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

// Telemetry ingestion with a token (Application Insights has local auth disabled).
resource metricsPublisher 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(insights.id, app.id, roles.monitoringMetricsPublisher)
  scope: insights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.monitoringMetricsPublisher)
    principalId: app.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

// The profile store: Cosmos DB data-plane RBAC is its own resource type.
resource cosmosDataContributor 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2024-11-15' = {
  parent: cosmos
  name: guid(cosmos.id, app.id, roles.cosmosBuiltInDataContributor)
  properties: {
    roleDefinitionId: '${cosmos.id}/sqlRoleDefinitions/${roles.cosmosBuiltInDataContributor}'
    principalId: app.identity.principalId
    scope: cosmos.id
  }
}

@description('The function app name.')
output name string = app.name

@description('The function app resource id.')
output resourceId string = app.id

@description('The principal id of the system-assigned identity.')
output systemAssignedMIPrincipalId string = app.identity.principalId

@description('The app host name.')
output defaultHostName string = app.properties.defaultHostName
