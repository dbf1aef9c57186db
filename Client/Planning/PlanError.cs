namespace LocalOpenAi.Client.Planning;

/// <summary>Why a request cannot be planned: a bad request, naming the field at fault.</summary>
internal sealed record PlanError(string Message, string Param);
