namespace LocalOpenAi.Server.Backends;

/// <summary>
/// A streamed answer: the payloads in order, the first already produced. It ends normally (the
/// front-end then sends its end marker) or with one <see cref="StreamEvent.Failure"/> event. Read it once.
/// </summary>
internal sealed record StreamOutcome(IAsyncEnumerable<StreamEvent> Events) : CompletionOutcome
{
    /// <summary>
    /// Waits for the first event of <paramref name="source"/>: a stream that fails or ends before it
    /// is a refusal (a real HTTP status, open to fallback), otherwise the stream from its first event.
    /// </summary>
    public static async Task<CompletionOutcome> StartAsync(IAsyncEnumerable<StreamEvent> source, CancellationToken cancellationToken)
    {
        var events = source.GetAsyncEnumerator(cancellationToken);
        bool any;
        try
        {
            any = await events.MoveNextAsync();
        }
        catch
        {
            await events.DisposeAsync();
            throw;
        }

        if (!any || events.Current.Failure is not null)
        {
            var failure = any ? events.Current.Failure! : Errors.OpenAiError.Internal("The backend ended the stream before its first event.");
            await events.DisposeAsync();
            return new RefusedOutcome(failure);
        }

        return new StreamOutcome(Continue(events));
    }

    private static async IAsyncEnumerable<StreamEvent> Continue(IAsyncEnumerator<StreamEvent> events)
    {
        await using (events)
        {
            yield return events.Current;
            while (await events.MoveNextAsync())
            {
                yield return events.Current;
            }
        }
    }
}
