namespace LocalOpenAi.Server.Metrics;

/// <summary>
/// The aggregated value of one label set: a number (counter, gauge) or bucket counts and a sum (histogram).
/// </summary>
/// <remarks>
/// Lock-free: counts use <see cref="Interlocked"/> increments and doubles a compare-and-swap loop on
/// their bits, so any number of threads may record while a scrape reads. A histogram's count is
/// derived from its buckets when read, so <c>_count</c> always equals the <c>+Inf</c> bucket.
/// </remarks>
internal sealed class MetricSeries(LabelSet labels, double[]? bounds)
{
    private readonly long[]? _bucketCounts = bounds is null ? null : new long[bounds.Length + 1];
    private long _valueBits;

    public LabelSet Labels { get; } = labels;

    /// <summary>The counter or gauge value, or the histogram's sum.</summary>
    public double Value => BitConverter.Int64BitsToDouble(Volatile.Read(ref _valueBits));

    public void Add(double delta)
    {
        long current, next;
        do
        {
            current = Volatile.Read(ref _valueBits);
            next = BitConverter.DoubleToInt64Bits(BitConverter.Int64BitsToDouble(current) + delta);
        }
        while (Interlocked.CompareExchange(ref _valueBits, next, current) != current);
    }

    public void Set(double value) => Interlocked.Exchange(ref _valueBits, BitConverter.DoubleToInt64Bits(value));

    public void Observe(double value)
    {
        if (_bucketCounts is null || double.IsNaN(value))
        {
            return;
        }

        var index = Array.BinarySearch(bounds!, value);
        Interlocked.Increment(ref _bucketCounts[index >= 0 ? index : ~index]);
        Add(value);
    }

    /// <summary>Cumulative counts per bound, the last one being <c>+Inf</c> (= the total count).</summary>
    public long[] CumulativeBucketCounts()
    {
        var counts = new long[_bucketCounts!.Length];
        long running = 0;
        for (var i = 0; i < counts.Length; i++)
        {
            running += Volatile.Read(ref _bucketCounts[i]);
            counts[i] = running;
        }

        return counts;
    }
}
