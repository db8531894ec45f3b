metadata description = 'Key Vault for connector secrets and API keys, RBAC-authorised; the app reads them through Key Vault references.'

@description('Required. Vault name.')
param name string

@description('Optional. Location of the resources.')
param location string = resourceGroup().location

@description('Optional. Keep deleted vaults and secrets unrecoverable-proof (cannot be turned off once on).')
param enablePurgeProtection bool = true

@description('Optional. Tags for every resource.')
param tags object = {}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: enablePurgeProtection ? true : null
    publicNetworkAccess: 'Enabled'
  }
}

@description('The vault name.')
output name string = vault.name

@description('The vault resource id.')
output resourceId string = vault.id

@description('The vault URI.')
output uri string = vault.properties.vaultUri
