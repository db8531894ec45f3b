using Customer360Hub.Changes;
using Customer360Hub.Cli.Evaluation;
using Customer360Hub.Sandbox.World;
using Customer360Hub.Storage;

namespace Customer360Hub.Cli.Benchmarks;

/// <summary>Pairwise accuracy of the hub's profiles against the sample world's truth (which true customer each party record belongs to).</summary>
internal static class IdentityAccuracy
{
    public static async Task<PairwiseScore> ScoreAsync(HubStore store, SyntheticWorld world, CancellationToken cancellationToken)
    {
        var truth = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var unit in world.Units())
        {
            foreach (var source in SourceNames.PartySources)
            {
                foreach (var party in world.Parties(unit, source))
                {
                    truth[party.Source + "/" + party.EntityType + "/" + party.RecordId] = party.CustomerId;
                }
            }
        }

        var redirects = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var profile in store.Profiles.ScanAsync(cancellationToken).ConfigureAwait(false))
        {
            if (profile.Document.RedirectTo is { } into)
            {
                redirects[profile.Document.Id] = into;
            }
        }

        var labels = new List<(string Predicted, string Truth)>(truth.Count);
        await foreach (var record in store.Records.ScanAsync(cancellationToken).ConfigureAwait(false))
        {
            if (record.Document is { Kind: RecordKind.Party, Deleted: false, ProfileId: { } profileId } party && truth.TryGetValue(party.RecordKey, out var customer))
            {
                for (var hop = 0; hop < 8 && redirects.TryGetValue(profileId, out var next); hop++)
                {
                    profileId = next;
                }

                labels.Add((profileId, customer));
            }
        }

        return PairwiseScore.Of(labels);
    }
}
