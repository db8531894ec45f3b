metadata description = 'Service Bus topics and subscriptions with the embedded bus semantics: per-key order (sessions), duplicate detection on the idempotency id, max delivery count and dead letters.'

@description('Required. Namespace name.')
param name string

@description('Optional. Location of the resources.')
param location string = resourceGroup().location

@description('Optional. Deliveries before a message is dead-lettered; the app reads the same value (Azure__ServiceBus__MaxDeliveryCount).')
@minValue(1)
@maxValue(2000)
param maxDeliveryCount int = 10

@description('Optional. Window in which a repeated message id is dropped.')
param duplicateDetectionWindow string = 'PT10M'

@description('Optional. Tags for every resource.')
param tags object = {}

@description('The hub topics (Customer360Hub.Messaging.Topics).')
var topicNames = [
  'source-changes'
  'profile-changes'
]

@description('Topic to its subscriptions (the same names as Customer360Hub.Messaging.Topics.Subscriptions).')
var topology = [
  {
    topic: 'source-changes'
    subscription: 'resolver'
  }
  {
    topic: 'profile-changes'
    subscription: 'scorer'
  }
  {
    topic: 'profile-changes'
    subscription: 'lookup-indexer'
  }
]

resource namespace 'Microsoft.ServiceBus/namespaces@2024-01-01' = {
  name: name
  location: location
  tags: tags
  sku: {
    // Standard is the smallest tier with topics, sessions and duplicate detection.
    name: 'Standard'
    tier: 'Standard'
  }
  properties: {
    disableLocalAuth: true
    minimumTlsVersion: '1.2'
  }
}

resource topics 'Microsoft.ServiceBus/namespaces/topics@2024-01-01' = [
  for topic in topicNames: {
    parent: namespace
    name: topic
    properties: {
      requiresDuplicateDetection: true
      duplicateDetectionHistoryTimeWindow: duplicateDetectionWindow
      defaultMessageTimeToLive: 'P14D'
      enableBatchedOperations: true
    }
  }
]

resource subscriptions 'Microsoft.ServiceBus/namespaces/topics/subscriptions@2024-01-01' = [
  for entry in topology: {
    parent: topics[indexOf(topicNames, entry.topic)]
    name: entry.subscription
    properties: {
      // Sessions keyed on the partition key: one record's (or customer's, or profile's) messages in order.
      requiresSession: true
      maxDeliveryCount: maxDeliveryCount
      lockDuration: 'PT1M'
      deadLetteringOnMessageExpiration: true
      deadLetteringOnFilterEvaluationExceptions: true
      enableBatchedOperations: true
    }
  }
]

// Replacing the default rule: everything, except dead letters replayed for another subscription.
resource rules 'Microsoft.ServiceBus/namespaces/topics/subscriptions/rules@2024-01-01' = [
  for (entry, i) in topology: {
    parent: subscriptions[i]
    name: '$Default'
    properties: {
      filterType: 'SqlFilter'
      sqlFilter: {
        sqlExpression: 'NOT EXISTS(ReplayTo) OR ReplayTo = \'${entry.subscription}\''
      }
    }
  }
]

@description('The namespace name.')
output name string = namespace.name

@description('The namespace resource id.')
output resourceId string = namespace.id

@description('The namespace host name, e.g. name.servicebus.windows.net.')
output fullyQualifiedNamespace string = replace(replace(namespace.properties.serviceBusEndpoint, 'https://', ''), ':443/', '')
