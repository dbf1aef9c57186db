namespace LocalOpenAi.Cache.Redis;

/// <summary>Outcome of trying to parse one reply from buffered bytes.</summary>
internal enum RespParseStatus
{
    Complete,
    Incomplete,
    Invalid,
}
