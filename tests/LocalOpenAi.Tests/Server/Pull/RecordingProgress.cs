using System.Collections.Concurrent;
using LocalOpenAi.Server.Models.Pull;

namespace LocalOpenAi.Tests.Server.Pull;

/// <summary>Keeps every report, synchronously (unlike <see cref="Progress{T}"/>, which posts).</summary>
internal sealed class RecordingProgress : IProgress<PullProgress>
{
    public ConcurrentQueue<PullProgress> Reports { get; } = new();

    public void Report(PullProgress value) => Reports.Enqueue(value);
}
