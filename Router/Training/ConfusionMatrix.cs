using System.Globalization;
using LocalOpenAi.Router.Classification;

namespace LocalOpenAi.Router.Training;

/// <summary>Expected against predicted complexities, with the figures the router is judged by.</summary>
public sealed class ConfusionMatrix
{
    private readonly int[,] _counts = new int[3, 3];

    /// <summary>Requests counted.</summary>
    public int Count { get; private set; }

    /// <summary>Counts one request.</summary>
    public void Add(Complexity expected, Complexity predicted)
    {
        _counts[(int)expected, (int)predicted]++;
        Count++;
    }

    /// <summary>Requests of class <paramref name="expected"/> predicted as <paramref name="predicted"/>.</summary>
    public int this[Complexity expected, Complexity predicted] => _counts[(int)expected, (int)predicted];

    /// <summary>Share of requests classified correctly.</summary>
    public double Accuracy => Count == 0 ? 0 : (double)(_counts[0, 0] + _counts[1, 1] + _counts[2, 2]) / Count;

    /// <summary>Share of requests of a class that were predicted as that class.</summary>
    public double Recall(Complexity c)
    {
        var actual = _counts[(int)c, 0] + _counts[(int)c, 1] + _counts[(int)c, 2];
        return actual == 0 ? 0 : (double)_counts[(int)c, (int)c] / actual;
    }

    /// <summary>Share of all requests predicted as a class (e.g. how much stays on the simple local path).</summary>
    public double PredictedShare(Complexity c) =>
        Count == 0 ? 0 : (double)(_counts[0, (int)c] + _counts[1, (int)c] + _counts[2, (int)c]) / Count;

    /// <summary>One line: n, accuracy, complex recall, simple share and the confusion rows.</summary>
    public string Describe() => string.Create(
        CultureInfo.InvariantCulture,
        $"n={Count} accuracy={Accuracy:0.000} complex_recall={Recall(Complexity.Complex):0.000} simple_share={PredictedShare(Complexity.Simple):0.000} confusion(S/M/C rows)=[{_counts[0, 0]} {_counts[0, 1]} {_counts[0, 2]} | {_counts[1, 0]} {_counts[1, 1]} {_counts[1, 2]} | {_counts[2, 0]} {_counts[2, 1]} {_counts[2, 2]}]");
}
