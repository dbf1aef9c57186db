using System.Globalization;

namespace LocalOpenAi.Router.Classification;

/// <summary>Adds up feature points and keeps a readable line for each one that counted.</summary>
internal sealed class ScoreCard
{
    private readonly List<string> _reasons = [];

    public double Score { get; private set; }

    public IReadOnlyList<string> Reasons => _reasons;

    public void Add(string feature, double points)
    {
        if (points == 0)
        {
            return;
        }

        Score += points;
        var sign = points > 0 ? "+" : "-";
        _reasons.Add(string.Create(CultureInfo.InvariantCulture, $"{feature} ({sign}{System.Math.Abs(points):0.0#})"));
    }
}
