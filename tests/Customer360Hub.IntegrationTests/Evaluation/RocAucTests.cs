using Customer360Hub.Cli.Evaluation;

namespace Customer360Hub.IntegrationTests.Evaluation;

public sealed class RocAucTests
{
    [Fact]
    public void Of_PerfectSeparation_IsOneAndReversedIsZero()
    {
        Assert.Equal(1.0, RocAuc.Of([5, 6, 7], [1, 2]));
        Assert.Equal(0.0, RocAuc.Of([1, 2], [5, 6, 7]));
    }

    [Fact]
    public void Of_TiesAndOverlap_CountPairsWithTiesAsHalf()
    {
        // Pairs (positive, negative): (3,1) win, (3,3) tie, (3,4) loss, (5,1) win, (5,3) win, (5,4) win -> 4.5 of 6.
        Assert.Equal(0.75, RocAuc.Of([3, 5], [1, 3, 4]), 10);
        Assert.Equal(0.5, RocAuc.Of([2, 2], [2, 2, 2]));
        Assert.True(double.IsNaN(RocAuc.Of([], [1])));
    }
}
