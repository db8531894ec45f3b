namespace Customer360Hub.Messaging;

/// <summary>Optional capability of an in-process bus: wake consumers as soon as a message is published instead of polling.</summary>
public interface IMessageArrivalSignal
{
    /// <summary>Completes when a message is published to <paramref name="topic"/> or the timeout passes.</summary>
    Task WaitAsync(string topic, TimeSpan timeout, CancellationToken cancellationToken = default);
}
