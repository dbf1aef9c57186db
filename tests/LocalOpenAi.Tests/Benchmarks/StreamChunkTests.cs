using LocalOpenAi.LoadGenerator;

namespace LocalOpenAi.Tests.Benchmarks;

public sealed class StreamChunkTests
{
    [Fact]
    public void Reads_usage_cached_tokens_and_llama_server_timings_from_a_final_chunk()
    {
        const string Final = """
            {"choices":[],"object":"chat.completion.chunk","usage":{"completion_tokens":4,"prompt_tokens":59,"total_tokens":63,
             "prompt_tokens_details":{"cached_tokens":40}},"timings":{"cache_n":40,"prompt_n":19,"prompt_ms":16.2}}
            """;

        var chunk = StreamChunk.Parse(Final);

        Assert.Null(chunk.Content);
        Assert.Equal(new StreamUsage(4, 59, 40, 19, 40), chunk.Usage);
    }

    [Fact]
    public void Reads_the_content_delta_and_in_stream_errors()
    {
        Assert.Equal("Hi", StreamChunk.Parse("""{"choices":[{"index":0,"delta":{"content":"Hi"}}]}""").Content);
        Assert.Equal("overloaded", StreamChunk.Parse("""{"error":{"message":"overloaded","type":"server_error"}}""").Error);
    }
}
