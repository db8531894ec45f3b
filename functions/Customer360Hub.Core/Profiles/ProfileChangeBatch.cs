using System.Text.Json;
using Customer360Hub.Json;
using Customer360Hub.Messaging;

namespace Customer360Hub.Profiles;

/// <summary>
/// A batch of <c>profile-changes</c> messages as its handlers read it: the changes, and a rejection
/// with its reason for every message that is not a readable change naming a profile.
/// </summary>
public sealed record ProfileChangeBatch(IReadOnlyList<ProfileChanged> Changes, IReadOnlyList<Rejection> Rejections)
{
    /// <summary>The distinct profiles the changes name, in order of first mention.</summary>
    public IReadOnlyList<string> ProfileIds => [.. Changes.Select(c => c.ProfileId).Distinct(StringComparer.Ordinal)];

    public static ProfileChangeBatch Read(IReadOnlyList<ReceivedMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var changes = new List<ProfileChanged>(messages.Count);
        var rejections = new List<Rejection>();
        foreach (var message in messages)
        {
            ProfileChanged? changed;
            try
            {
                changed = JsonSerializer.Deserialize(message.Body.Span, CoreJsonContext.Default.ProfileChanged);
            }
            catch (JsonException ex)
            {
                rejections.Add(new Rejection(message, "malformed profile change: " + ex.Message));
                continue;
            }

            if (changed?.ProfileId is null)
            {
                rejections.Add(new Rejection(message, "malformed profile change: no profileId"));
                continue;
            }

            changes.Add(changed);
        }

        return new ProfileChangeBatch(changes, rejections);
    }
}
