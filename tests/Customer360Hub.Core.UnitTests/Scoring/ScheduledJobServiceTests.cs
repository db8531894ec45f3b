using Customer360Hub.Core.UnitTests.Support;
using Customer360Hub.Scoring;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;

namespace Customer360Hub.Core.UnitTests.Scoring;

public sealed class ScheduledJobServiceTests : IAsyncLifetime
{
    private readonly TestHub _hub = TestHub.Create();
    private readonly List<DateTimeOffset> _runs = [];
    private readonly Mock<IScheduledJob> _job = new();
    private int _failures;
    private int _calls;

    public ScheduledJobServiceTests()
    {
        _job.SetupGet(j => j.Name).Returns("nightly");
        _job.SetupGet(j => j.DueAt).Returns(TimeSpan.FromHours(2));
        _job.Setup(j => j.RunAsync(It.IsAny<CancellationToken>())).Returns(() =>
        {
            Interlocked.Increment(ref _calls);
            if (_failures-- > 0)
            {
                throw new TimeoutException("store busy");
            }

            lock (_runs)
            {
                _runs.Add(_hub.Time.GetUtcNow());
            }

            return Task.FromResult(7);
        });
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    [Fact]
    public async Task ExecuteAsync_NeverRun_CatchesUpAtStartThenRunsDailyAtItsTime()
    {
        using var service = Service();
        await service.StartAsync(CancellationToken.None);
        await RunsAsync(1);
        Assert.Equal(TestHub.Start, _runs[0]);
        Assert.Equal(7, (await Runner().LastRunAsync("nightly"))!.Items);

        await AdvanceToAsync(TestHub.Start.AddHours(1));
        Assert.Single(_runs);
        await AdvanceToAsync(TestHub.Start.AddHours(2));
        await RunsAsync(2);
        await AdvanceToAsync(TestHub.Start.AddDays(1).AddHours(2));
        await RunsAsync(3);
        Assert.Equal([TestHub.Start, TestHub.Start.AddHours(2), TestHub.Start.AddDays(1).AddHours(2)], _runs);
        await service.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task ExecuteAsync_RanSinceItWasLastDue_DoesNotRunAgainAfterARestart()
    {
        _hub.Time.Advance(TimeSpan.FromHours(3));
        await Runner().RunAsync("nightly");
        _hub.Time.Advance(TimeSpan.FromHours(1));

        using var service = Service();
        await service.StartAsync(CancellationToken.None);
        await AdvanceToAsync(TestHub.Start.AddHours(5));

        Assert.Single(_runs);
        await service.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task ExecuteAsync_JobFails_RetriesAfterTheRetryDelay()
    {
        _failures = 1;
        using var service = Service();
        await service.StartAsync(CancellationToken.None);
        await WaitUntilAsync(() => Volatile.Read(ref _calls) > 0);
        Assert.Empty(_runs);
        Assert.Null(await Runner().LastRunAsync("nightly"));

        await AdvanceToAsync(TestHub.Start.AddMinutes(5));
        await RunsAsync(1);
        Assert.Equal(TestHub.Start.AddMinutes(5), _runs[0]);
        await service.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task RunAsync_UnknownJob_NamesTheJobsThereAre()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => Runner().RunAsync("weekly"));

        Assert.Contains("nightly", error.Message, StringComparison.Ordinal);
    }

    private ScheduledJobRunner Runner() => new([_job.Object], _hub.Store, _hub.Time, NullLogger<ScheduledJobRunner>.Instance);

    private ScheduledJobService Service() =>
        new(Runner(), Options.Create(new JobOptions { RetryAfter = TimeSpan.FromMinutes(5) }), _hub.Time, NullLogger<ScheduledJobService>.Instance);

    /// <summary>Sets the fake clock and gives the service's loop time to react.</summary>
    private async Task AdvanceToAsync(DateTimeOffset until)
    {
        await Task.Delay(50);
        _hub.Time.SetUtcNow(until);
        await Task.Delay(150);
    }

    private Task RunsAsync(int count) => WaitUntilAsync(() => _runs.Count >= count);

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the scheduled job service did not get there");
            await Task.Delay(10);
        }

        await Task.Delay(50);
    }
}
