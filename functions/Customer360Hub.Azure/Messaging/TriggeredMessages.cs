using Customer360Hub.Messaging;

namespace Customer360Hub.Azure.Messaging;

/// <summary>
/// A batch handed to a Service Bus trigger, with how to read and settle its messages. The
/// Functions app fills it from the trigger's message type and message actions; everything else
/// happens in <see cref="TriggerDispatcher"/>.
/// </summary>
/// <param name="Read">Maps a trigger message to the hub's <see cref="ReceivedMessage"/> (its LockToken must be the message's lock token).</param>
/// <param name="DeadLetter">Settles with a short reason (at most 4096 characters) and the full description.</param>
public sealed record TriggeredMessages<T>(
    IReadOnlyList<T> Messages,
    Func<T, ReceivedMessage> Read,
    Func<T, CancellationToken, Task> Complete,
    Func<T, string, CancellationToken, Task> Abandon,
    Func<T, string, string, CancellationToken, Task> DeadLetter);
