using System.Text;
using System.Text.Json.Nodes;
using LocalOpenAi.Formats.Responses;

namespace LocalOpenAi.Tests.Formats.Responses;

/// <summary>
/// The translators' output, byte for byte, against files in <c>Golden/</c>. Those files were read
/// by the openai npm package's stream helper, the Agents SDK's Responses model and the Vercel AI
/// SDK's OpenAI provider, which also wrote the <c>*.request.json</c> bodies (<c>Golden/check-with-openai-sdks.cjs</c>).
/// </summary>
public sealed class ResponsesGoldenTests
{
    private static readonly string GoldenDirectory = Path.Combine(AppContext.BaseDirectory, "Formats", "Responses", "Golden");

    public static TheoryData<string> StreamCases() => [.. ResponsesGoldenCases.Streams.Keys];

    public static TheoryData<string> CompletionCases() => [.. ResponsesGoldenCases.Completions.Keys];

    [Theory]
    [MemberData(nameof(StreamCases))]
    public void A_stream_is_written_as_the_golden_event_stream(string name)
    {
        var translator = new ResponsesStreamTranslator(Context(name));
        var events = translator.Start().ToList();
        foreach (var chunk in ResponsesGoldenCases.Streams[name])
        {
            events.AddRange(translator.OnChunk(chunk));
        }

        events.AddRange(translator.Complete());

        var written = string.Concat(events.Select(e => Encoding.UTF8.GetString(e.ToUtf8Bytes())));
        Assert.Equal(File.ReadAllText(Path.Combine(GoldenDirectory, name + ".sse")), written);
    }

    [Theory]
    [MemberData(nameof(CompletionCases))]
    public void A_completion_is_written_as_the_golden_response(string name)
    {
        var response = ResponsesResponseBuilder.FromChat(ResponsesGoldenCases.Completions[name], Context(name));

        Assert.Equal(File.ReadAllText(Path.Combine(GoldenDirectory, name + ".json")).TrimEnd('\n'), response.ToJsonString());
    }

    [Fact]
    public void The_agents_sdks_requests_translate_to_a_tool_call_round_trip()
    {
        var first = Translate("agents-first.request.json");
        var followUp = Translate("agents-follow-up.request.json");

        Assert.Equal(["system", "user"], Roles(first));
        Assert.Equal(["system", "user", "assistant", "tool"], Roles(followUp));
        Assert.Equal("call_1", (string?)followUp.Chat["messages"]![2]!["tool_calls"]![0]!["id"]);
        Assert.Equal("Let me check.", (string?)followUp.Chat["messages"]![2]!["content"]);
        Assert.Equal("weather", (string?)followUp.Chat["tools"]![0]!["function"]!["name"]);
    }

    [Fact]
    public void The_vercel_ai_sdks_requests_translate_with_its_item_reference_resolved_from_the_stored_response()
    {
        var stored = JsonNode.Parse(File.ReadAllText(Path.Combine(GoldenDirectory, "completion-calls.json")))!.AsObject();
        var followUpBody = Body("vercel-follow-up.request.json");
        var referenced = ResponsesRequestTranslator.ItemReferences(followUpBody).ToDictionary(
            id => id,
            id => ResponsesResponseBuilder.OutputItems(stored).Single(item => (string?)item["id"] == id && ResponseItemIds.ResponseIdOf(id) == (string?)stored["id"]));

        var first = Translate("vercel-first.request.json");
        var followUp = Translate("vercel-follow-up.request.json", referenced);

        Assert.Equal(["system", "user"], Roles(first));
        Assert.Equal(["system", "user", "assistant", "tool"], Roles(followUp));
        Assert.Equal("Let me check.", (string?)followUp.Chat["messages"]![2]!["content"]);
        Assert.Equal("call_1", (string?)followUp.Chat["messages"]![2]!["tool_calls"]![0]!["id"]);
    }

    private static JsonObject Body(string file) => JsonNode.Parse(File.ReadAllText(Path.Combine(GoldenDirectory, file)))!.AsObject();

    private static ResponsesChatRequest Translate(string file, IReadOnlyDictionary<string, JsonObject>? referenced = null)
    {
        var translation = ResponsesRequestTranslator.ToChat(Body(file), null, referenced);
        Assert.Null(translation.Error);
        return translation.Request!;
    }

    private static IEnumerable<string?> Roles(ResponsesChatRequest request) => request.Chat["messages"]!.AsArray().Select(message => (string?)message!["role"]);

    private static ResponseContext Context(string name) =>
        ResponseContext.FromRequest("resp_" + name.Replace("-", string.Empty, StringComparison.Ordinal), 1_700_000_000, ResponsesGoldenCases.Request());
}
