namespace LocalOpenAi.Engine.Generation;

/// <summary>Why a generation ended.</summary>
public enum FinishReason
{
    /// <summary>An end-of-generation token or a stop sequence.</summary>
    Stop,

    /// <summary>The token limit (or the slot's context) was reached.</summary>
    Length,

    /// <summary>The caller cancelled (e.g. the client disconnected).</summary>
    Cancelled,

    /// <summary>llama.cpp failed to decode; the request is answered with an error.</summary>
    Error,
}
