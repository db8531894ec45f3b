metadata description = 'Azure Monitor alerts (dead letters, failures, resolver lag and backlog) and the ops workbook.'

@description('Required. Prefix of every resource name.')
param name string

@description('Optional. Location of the workbook and the log alert.')
param location string = resourceGroup().location

@description('Required. Application Insights resource id.')
param applicationInsightsId string

@description('Required. Service Bus namespace resource id.')
param serviceBusId string

@description('Optional. Email that receives alerts; empty for portal-only alerts.')
param alertEmail string = ''

@description('Optional. Failed invocations in 15 minutes that raise an alert.')
@minValue(1)
param failureThreshold int = 5

@description('Optional. Average seconds from pull to resolution that raise an alert.')
@minValue(1)
param lagThresholdSeconds int = 900

@description('Optional. Changes waiting on source-changes that raise an alert.')
@minValue(1)
param backlogThreshold int = 10000

@description('Optional. Tags for every resource.')
param tags object = {}

var actions = empty(alertEmail)
  ? []
  : [
      {
        actionGroupId: actionGroup.id
      }
    ]

resource actionGroup 'Microsoft.Insights/actionGroups@2023-01-01' = if (!empty(alertEmail)) {
  name: '${name}-ops'
  location: 'global'
  tags: tags
  properties: {
    groupShortName: 'c360ops'
    enabled: true
    emailReceivers: [
      {
        name: 'ops'
        emailAddress: alertEmail
        useCommonAlertSchema: true
      }
    ]
  }
}

resource deadLetters 'Microsoft.Insights/metricAlerts@2018-03-01' = {
  name: '${name}-dead-letters'
  location: 'global'
  tags: tags
  properties: {
    description: 'A message was dead-lettered. See docs/operations.md: inspect the reason, fix, replay.'
    severity: 2
    enabled: true
    scopes: [
      serviceBusId
    ]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT5M'
    criteria: {
      'odata.type': 'Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria'
      allOf: [
        {
          name: 'dead-lettered'
          criterionType: 'StaticThresholdCriterion'
          metricNamespace: 'Microsoft.ServiceBus/namespaces'
          metricName: 'DeadletteredMessages'
          timeAggregation: 'Maximum'
          operator: 'GreaterThan'
          threshold: 0
          dimensions: [
            {
              name: 'EntityName'
              operator: 'Include'
              values: [
                '*'
              ]
            }
          ]
        }
      ]
    }
    actions: actions
  }
}

resource failures 'Microsoft.Insights/metricAlerts@2018-03-01' = {
  name: '${name}-failures'
  location: 'global'
  tags: tags
  properties: {
    description: 'Function invocations are failing (connector syncs, resolver, scorer or API).'
    severity: 1
    enabled: true
    scopes: [
      applicationInsightsId
    ]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT15M'
    criteria: {
      'odata.type': 'Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria'
      allOf: [
        {
          name: 'failed-invocations'
          criterionType: 'StaticThresholdCriterion'
          metricNamespace: 'microsoft.insights/components'
          metricName: 'requests/failed'
          timeAggregation: 'Count'
          operator: 'GreaterThan'
          threshold: failureThreshold
        }
      ]
    }
    actions: actions
  }
}

resource backlog 'Microsoft.Insights/metricAlerts@2018-03-01' = {
  name: '${name}-resolver-backlog'
  location: 'global'
  tags: tags
  properties: {
    description: 'Changes are piling up on source-changes: the resolver is stuck or too slow.'
    severity: 2
    enabled: true
    scopes: [
      serviceBusId
    ]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT15M'
    criteria: {
      'odata.type': 'Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria'
      allOf: [
        {
          name: 'active-messages'
          criterionType: 'StaticThresholdCriterion'
          metricNamespace: 'Microsoft.ServiceBus/namespaces'
          metricName: 'ActiveMessages'
          timeAggregation: 'Average'
          operator: 'GreaterThan'
          threshold: backlogThreshold
          dimensions: [
            {
              name: 'EntityName'
              operator: 'Include'
              values: [
                'source-changes'
              ]
            }
          ]
        }
      ]
    }
    actions: actions
  }
}

resource lag 'Microsoft.Insights/scheduledQueryRules@2023-03-15-preview' = {
  name: '${name}-resolver-lag'
  location: location
  tags: tags
  properties: {
    description: 'Changes take too long from pull to resolution (c360.resolver.lag).'
    severity: 2
    enabled: true
    scopes: [
      applicationInsightsId
    ]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT15M'
    criteria: {
      allOf: [
        {
          query: 'customMetrics | where name == "c360.resolver.lag" | summarize lagSeconds = sum(valueSum) / sum(valueCount)'
          timeAggregation: 'Maximum'
          metricMeasureColumn: 'lagSeconds'
          operator: 'GreaterThan'
          threshold: lagThresholdSeconds
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    actions: {
      actionGroups: map(actions, action => action.actionGroupId)
    }
  }
}

resource workbook 'Microsoft.Insights/workbooks@2023-06-01' = {
  name: guid(resourceGroup().id, name, 'ops-workbook')
  location: location
  tags: tags
  kind: 'shared'
  properties: {
    displayName: 'Customer360Hub operations'
    category: 'workbook'
    sourceId: applicationInsightsId
    serializedData: replace(loadTextContent('../workbook.json'), '{serviceBusId}', serviceBusId)
  }
}

@description('The workbook resource id.')
output workbookResourceId string = workbook.id
