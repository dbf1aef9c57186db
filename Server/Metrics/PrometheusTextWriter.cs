using System.Globalization;
using System.Text;

namespace LocalOpenAi.Server.Metrics;

/// <summary>Writes metric families in the Prometheus text exposition format 0.0.4.</summary>
internal static class PrometheusTextWriter
{
    /// <summary>Writes each family that has series: HELP, TYPE, then its samples in label order.</summary>
    public static void Write(StringBuilder builder, IEnumerable<MetricFamily> families)
    {
        foreach (var family in families)
        {
            var series = family.SortedSeries();
            if (series.Length == 0)
            {
                continue;
            }

            if (!string.IsNullOrEmpty(family.Help))
            {
                builder.Append("# HELP ").Append(family.Name).Append(' ');
                PrometheusSyntax.AppendHelp(builder, family.Help);
                builder.Append('\n');
            }

            builder.Append("# TYPE ").Append(family.Name).Append(' ').Append(TypeName(family.Kind)).Append('\n');
            foreach (var one in series)
            {
                var labels = Join(family.ConstantLabels.Rendered, one.Labels.Rendered);
                if (family.Kind == MetricKind.Histogram)
                {
                    WriteHistogram(builder, family, one, labels);
                }
                else
                {
                    WriteSample(builder, family.Name, "", labels, PrometheusSyntax.Number(one.Value));
                }
            }
        }
    }

    private static void WriteHistogram(StringBuilder builder, MetricFamily family, MetricSeries series, string labels)
    {
        var counts = series.CumulativeBucketCounts();
        var separator = labels.Length == 0 ? "" : ",";
        for (var i = 0; i < counts.Length; i++)
        {
            var bound = i < family.Bounds!.Length ? PrometheusSyntax.Number(family.Bounds[i]) : "+Inf";
            WriteSample(builder, family.Name, "_bucket", $"{labels}{separator}le=\"{bound}\"", Count(counts[i]));
        }

        WriteSample(builder, family.Name, "_sum", labels, PrometheusSyntax.Number(series.Value));
        WriteSample(builder, family.Name, "_count", labels, Count(counts[^1]));
    }

    private static void WriteSample(StringBuilder builder, string name, string suffix, string labels, string value)
    {
        builder.Append(name).Append(suffix);
        if (labels.Length > 0)
        {
            builder.Append('{').Append(labels).Append('}');
        }

        builder.Append(' ').Append(value).Append('\n');
    }

    private static string Join(string constant, string series) =>
        constant.Length == 0 ? series : series.Length == 0 ? constant : constant + "," + series;

    private static string Count(long count) => count.ToString(CultureInfo.InvariantCulture);

    private static string TypeName(MetricKind kind) => kind switch
    {
        MetricKind.Counter => "counter",
        MetricKind.Gauge => "gauge",
        _ => "histogram",
    };
}
