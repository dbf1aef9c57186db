namespace LocalOpenAi.Server.Feedback;

/// <summary>What became of a feedback record handed to <see cref="FeedbackStore"/>.</summary>
internal enum FeedbackAppendResult
{
    /// <summary>On disk (synced).</summary>
    Stored,

    /// <summary>The disk is full: nothing of the record was kept (answered 507).</summary>
    DiskFull,
}
