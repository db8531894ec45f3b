using System.Globalization;

namespace Customer360Hub.Cli.Commands;

/// <summary>A one-line progress bar, redrawn in place on a terminal and printed every tenth otherwise.</summary>
internal sealed class ProgressLine(TextWriter output, long total) : IProgress<int>, IProgress<long>
{
    private long _total = total;

    private const int Width = 30;
    private readonly bool _interactive = !Console.IsOutputRedirected && ReferenceEquals(output, Console.Out);
    private int _lastTenth = -1;

    public void Report(int value) => Report((long)value);

    /// <summary>Progress when the total is only known as work goes on.</summary>
    public void Report(long value, long newTotal)
    {
        _total = newTotal;
        Report(value);
    }

    public void Report(long value)
    {
        var total = _total;
        var fraction = total <= 0 ? 1 : Math.Clamp((double)value / total, 0, 1);
        if (_interactive)
        {
            var filled = (int)(fraction * Width);
            output.Write(string.Create(CultureInfo.InvariantCulture, $"\r[{new string('#', filled)}{new string('.', Width - filled)}] {fraction,4:P0} {value}/{total}"));
            return;
        }

        var tenth = (int)(fraction * 10);
        if (tenth != _lastTenth)
        {
            _lastTenth = tenth;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{fraction:P0} ({value}/{total})"));
        }
    }

    public void Finish()
    {
        if (_interactive)
        {
            output.WriteLine();
        }
    }
}
