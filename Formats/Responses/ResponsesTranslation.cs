namespace LocalOpenAi.Formats.Responses;

/// <summary>The outcome of <see cref="ResponsesRequestTranslator.ToChat"/>: the chat request, or why there is none.</summary>
public sealed record ResponsesTranslation(ResponsesChatRequest? Request, ResponsesError? Error)
{
    /// <summary>True when <see cref="Request"/> holds the translated request.</summary>
    public bool IsSuccess => Request is not null;

    internal static ResponsesTranslation Success(ResponsesChatRequest request) => new(request, null);

    internal static ResponsesTranslation Failure(ResponsesError error) => new(null, error);
}
