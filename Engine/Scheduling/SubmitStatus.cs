namespace LocalOpenAi.Engine.Scheduling;

/// <summary>What became of a request handed to the scheduler.</summary>
public enum SubmitStatus
{
    Accepted,

    /// <summary>The waiting queue is full: answer 503 with Retry-After.</summary>
    QueueFull,

    /// <summary>Prompt plus requested tokens do not fit a slot's context.</summary>
    ContextLengthExceeded,

    /// <summary>The grammar did not parse.</summary>
    InvalidGrammar,

    /// <summary>The scheduler is shutting down.</summary>
    Stopped,
}
