metadata description = 'Cosmos DB (NoSQL) profile store: one container per hub container, partitioned on /pk, bodies not indexed, time to live on. Local (key) auth is disabled.'

@description('Required. Account name.')
param name string

@description('Optional. Location of the resources.')
param location string = resourceGroup().location

@description('Optional. Serverless (pay per request, for small and spiky loads) or provisioned autoscale throughput shared by the database.')
@allowed([
  'serverless'
  'autoscale'
])
param capacityMode string = 'serverless'

@description('Optional. Autoscale maximum RU/s for the database (autoscale mode only).')
@minValue(1000)
param autoscaleMaxThroughput int = 4000

@description('Optional. Database name (Azure__Cosmos__Database).')
param databaseName string = 'customer360'

@description('Optional. Tags for every resource.')
param tags object = {}

@description('The hub containers (Customer360Hub.Storage.Containers); each is partitioned on /pk.')
var containerNames = [
  'profiles'
  'records'
  'identity'
  'timeline'
  'scores'
  'quarantine'
  'pending'
  'links'
  'stewardship'
  'reviews'
  'history'
  'refs'
  'households'
  'suppression'
  'lookup'
  'health'
  'alerts'
  'portfolio'
]

resource account 'Microsoft.DocumentDB/databaseAccounts@2024-11-15' = {
  name: name
  location: location
  tags: tags
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    disableLocalAuth: true
    disableKeyBasedMetadataWriteAccess: true
    minimalTlsVersion: 'Tls12'
    consistencyPolicy: {
      defaultConsistencyLevel: 'Session'
    }
    locations: [
      {
        locationName: location
        failoverPriority: 0
        isZoneRedundant: false
      }
    ]
    capabilities: capacityMode == 'serverless'
      ? [
          {
            name: 'EnableServerless'
          }
        ]
      : []
  }
}

resource database 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases@2024-11-15' = {
  parent: account
  name: databaseName
  properties: {
    resource: {
      id: databaseName
    }
    options: capacityMode == 'autoscale'
      ? {
          autoscaleSettings: {
            maxThroughput: autoscaleMaxThroughput
          }
        }
      : {}
  }
}

resource containers 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2024-11-15' = [
  for container in containerNames: {
    parent: database
    name: container
    properties: {
      resource: {
        id: container
        partitionKey: {
          paths: [
            '/pk'
          ]
          kind: 'Hash'
          version: 2
        }
        // -1: time to live is on; a document expires only when its own ttl says so (retention).
        defaultTtl: -1
        indexingPolicy: {
          indexingMode: 'consistent'
          automatic: true
          includedPaths: [
            {
              path: '/*'
            }
          ]
          // Every access path is partition key + id: the document bodies need no index.
          excludedPaths: [
            {
              path: '/doc/*'
            }
            {
              path: '/"_etag"/?'
            }
          ]
        }
      }
    }
  }
]

@description('The account name.')
output name string = account.name

@description('The account resource id.')
output resourceId string = account.id

@description('The account endpoint.')
output endpoint string = account.properties.documentEndpoint

@description('The database name.')
output databaseName string = database.name
