using System.ComponentModel.DataAnnotations;

namespace Customer360Hub.Azure.Messaging;

/// <summary>Section <c>Azure:ServiceBus</c>. Access is by managed identity (Azure Service Bus Data Sender and Receiver).</summary>
public sealed class ServiceBusOptions
{
    public const string SectionName = "Azure:ServiceBus";

    /// <summary>The namespace host, e.g. <c>c360-prod.servicebus.windows.net</c>.</summary>
    [Required]
    [RegularExpression(@"^[A-Za-z0-9.-]+$", ErrorMessage = "Give the namespace host name only, e.g. c360-prod.servicebus.windows.net.")]
    public string FullyQualifiedNamespace { get; set; } = string.Empty;

    /// <summary>The subscriptions' max delivery count (infra/modules/servicebus.bicep): the last delivery dead-letters with the error instead of abandoning.</summary>
    [Range(1, 2000)]
    public int MaxDeliveryCount { get; set; } = 10;
}
