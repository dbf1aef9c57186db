using System.Runtime.CompilerServices;
using System.Threading.Channels;
using LocalOpenAi.Engine.Generation;

namespace LocalOpenAi.Server.Generation;

/// <summary>Interleaves the chunk streams of <c>n</c> choices in arrival order, each tagged with its index.</summary>
internal static class ChoiceMerger
{
    public static async IAsyncEnumerable<(int Index, GenerationChunk Chunk)> MergeAsync(
        IReadOnlyList<IAsyncEnumerable<GenerationChunk>> choices,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (choices.Count == 1)
        {
            await foreach (var chunk in choices[0].WithCancellation(cancellationToken))
            {
                yield return (0, chunk);
            }

            yield break;
        }

        var merged = Channel.CreateUnbounded<(int, GenerationChunk)>();
        var pumps = choices.Select(async (stream, index) =>
        {
            await foreach (var chunk in stream.WithCancellation(cancellationToken))
            {
                await merged.Writer.WriteAsync((index, chunk), cancellationToken);
            }
        }).ToArray();
        _ = Task.WhenAll(pumps).ContinueWith(task => merged.Writer.TryComplete(task.Exception), TaskScheduler.Default);
        await foreach (var item in merged.Reader.ReadAllAsync(cancellationToken))
        {
            yield return item;
        }
    }
}
