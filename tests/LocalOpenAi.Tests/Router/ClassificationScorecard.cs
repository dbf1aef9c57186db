using System.Globalization;
using System.Text;
using LocalOpenAi.Router.Classification;

namespace LocalOpenAi.Tests.Router;

/// <summary>Accuracy and per-class precision/recall of predicted against expected complexities.</summary>
internal sealed class ClassificationScorecard
{
    private readonly int[,] _confusion = new int[3, 3];

    public int Count { get; private set; }

    public void Add(Complexity expected, Complexity predicted)
    {
        _confusion[(int)expected, (int)predicted]++;
        Count++;
    }

    public double Accuracy => Count == 0 ? 0 : (double)Enumerable.Range(0, 3).Sum(i => _confusion[i, i]) / Count;

    public double Recall(Complexity c)
    {
        var actual = Enumerable.Range(0, 3).Sum(p => _confusion[(int)c, p]);
        return actual == 0 ? 0 : (double)_confusion[(int)c, (int)c] / actual;
    }

    public double Precision(Complexity c)
    {
        var predicted = Enumerable.Range(0, 3).Sum(e => _confusion[e, (int)c]);
        return predicted == 0 ? 0 : (double)_confusion[(int)c, (int)c] / predicted;
    }

    public string Describe(string title)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{title}: n={Count} accuracy={Accuracy:P1} recall(complex)={Recall(Complexity.Complex):P1}");
        foreach (var c in Enum.GetValues<Complexity>())
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {c,-9} precision={Precision(c):P1} recall={Recall(c):P1}");
        }

        text.Append("  confusion (rows expected, columns predicted S/M/C):");
        for (var e = 0; e < 3; e++)
        {
            text.Append(CultureInfo.InvariantCulture, $" [{_confusion[e, 0]} {_confusion[e, 1]} {_confusion[e, 2]}]");
        }

        return text.ToString();
    }
}
