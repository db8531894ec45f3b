metadata description = 'The hub storage account: raw archive, checkpoints, audit, batch file drop and the function app package. Shared keys are disabled.'

@description('Required. Storage account name (3-24 lower-case letters and digits).')
@minLength(3)
@maxLength(24)
param name string

@description('Optional. Location of the resources.')
param location string = resourceGroup().location

@description('Optional. Days raw source pages are kept before lifecycle management deletes them.')
@minValue(1)
param rawRetentionDays int = 400

@description('Optional. Days each audit blob is kept immutable (appends allowed, overwrites and deletes refused).')
@minValue(1)
param auditRetentionDays int = 365

@description('Optional. Tags for every resource.')
param tags object = {}

@description('The blob containers the hub uses.')
var containerNames = [
  'raw'
  'checkpoints'
  'audit'
  'filedrop'
  'deployments'
]

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_ZRS'
  }
  properties: {
    allowSharedKeyAccess: false
    allowBlobPublicAccess: false
    defaultToOAuthAuthentication: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    accessTier: 'Hot'
  }
}

resource blobs 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: account
  name: 'default'
  properties: {
    // No versioning: an erasure's redaction must not leave the old page behind in a version.
    isVersioningEnabled: false
    deleteRetentionPolicy: {
      enabled: true
      days: 7
    }
  }
}

resource containers 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = [
  for container in containerNames: {
    parent: blobs
    name: container
    properties: {
      publicAccess: 'None'
    }
  }
]

// The audit trail only grows: new records may be appended, nothing may be overwritten or deleted
// during the retention period. Left unlocked so the period can be changed; lock it (docs/deploy.md)
// once the retention is settled.
resource auditImmutability 'Microsoft.Storage/storageAccounts/blobServices/containers/immutabilityPolicies@2023-05-01' = {
  parent: containers[indexOf(containerNames, 'audit')]
  name: 'default'
  properties: {
    immutabilityPeriodSinceCreationInDays: auditRetentionDays
    allowProtectedAppendWrites: true
  }
}

resource lifecycle 'Microsoft.Storage/storageAccounts/managementPolicies@2023-05-01' = {
  parent: account
  name: 'default'
  properties: {
    policy: {
      rules: [
        {
          name: 'raw-retention'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: {
              blobTypes: [
                'blockBlob'
              ]
              prefixMatch: [
                'raw/'
              ]
            }
            actions: {
              baseBlob: {
                tierToCool: {
                  daysAfterModificationGreaterThan: 30
                }
                delete: {
                  daysAfterModificationGreaterThan: rawRetentionDays
                }
              }
            }
          }
        }
      ]
    }
  }
}

@description('The storage account name.')
output name string = account.name

@description('The storage account resource id.')
output resourceId string = account.id

@description('The blob endpoint.')
output blobEndpoint string = account.properties.primaryEndpoints.blob
