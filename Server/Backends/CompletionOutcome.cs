namespace LocalOpenAi.Server.Backends;

/// <summary>
/// How a backend answered: <see cref="RefusedOutcome"/> (an error with its status, nothing sent yet),
/// <see cref="JsonOutcome"/> (a whole OpenAI JSON answer) or <see cref="StreamOutcome"/> (SSE payloads whose
/// first one already exists, so a refusal can still fall back or become a real HTTP status).
/// </summary>
internal abstract record CompletionOutcome;
