metadata description = 'Log Analytics and Application Insights (Entra-only ingestion) for the hub.'

@description('Required. Prefix of every resource name.')
param name string

@description('Optional. Location of the resources.')
param location string = resourceGroup().location

@description('Optional. Days Log Analytics keeps data.')
@minValue(30)
@maxValue(730)
param retentionInDays int = 30

@description('Optional. Tags for every resource.')
param tags object = {}

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${name}-logs'
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${name}-insights'
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    // Telemetry is accepted only with a Microsoft Entra token (the app's managed identity).
    DisableLocalAuth: true
    IngestionMode: 'LogAnalytics'
  }
}

@description('The Log Analytics workspace resource id.')
output workspaceResourceId string = workspace.id

@description('The Application Insights resource id.')
output resourceId string = insights.id

@description('The Application Insights name.')
output name string = insights.name

@description('The Application Insights connection string: it only names the resource, because local authentication is disabled.')
output connectionString string = insights.properties.ConnectionString
