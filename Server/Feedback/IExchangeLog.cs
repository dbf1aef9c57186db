namespace LocalOpenAi.Server.Feedback;

/// <summary>Remembers completed exchanges so that feedback on a request id can carry what was asked and answered.</summary>
/// <remarks>Implementations are called concurrently from request threads.</remarks>
internal interface IExchangeLog
{
    /// <summary>Remembers an exchange; a later record for the same id replaces it.</summary>
    void Record(ExchangeRecord exchange);

    /// <summary>The exchange recorded for <paramref name="requestId"/>, or null when unknown or already forgotten.</summary>
    ExchangeRecord? Find(string requestId);
}
