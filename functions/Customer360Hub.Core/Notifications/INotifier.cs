namespace Customer360Hub.Notifications;

/// <summary>Delivers alerts. Embedded: log, webhook, alerts file. Azure: Microsoft Graph mail or Teams.</summary>
public interface INotifier
{
    Task NotifyAsync(Alert alert, CancellationToken cancellationToken = default);
}
