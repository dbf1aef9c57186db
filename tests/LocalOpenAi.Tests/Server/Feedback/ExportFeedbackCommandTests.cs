using System.Text.Json;
using LocalOpenAi.Server.Cli;
using LocalOpenAi.Server.Feedback;

namespace LocalOpenAi.Tests.Server.Feedback;

public sealed class ExportFeedbackCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("localopenai-export-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Exports_well_rated_exchanges_as_chat_fine_tuning_lines()
    {
        var feedback = Path.Combine(_directory, "feedback.jsonl");
        var chatRequest = Json("""{"model":"tiny","messages":[{"role":"system","content":"Be brief."},{"role":"user","content":"Capital of France?"}],"tools":[{"type":"function","function":{"name":"f","parameters":{}}}]}""");
        var chatResponse = Json("""{"choices":[{"index":0,"message":{"role":"assistant","content":"Paris."},"finish_reason":"stop"}]}""");
        await using (var store = new FeedbackStore(feedback))
        {
            await store.AppendAsync(new FeedbackRecord(DateTimeOffset.UnixEpoch, "good", 5, null, null, chatRequest, chatResponse));
            await store.AppendAsync(new FeedbackRecord(DateTimeOffset.UnixEpoch, "bad", 2, null, null, chatRequest, chatResponse));
            await store.AppendAsync(new FeedbackRecord(DateTimeOffset.UnixEpoch, "no-exchange", 5, null, null, null, null));
            await store.AppendAsync(new FeedbackRecord(DateTimeOffset.UnixEpoch, "legacy", 4, null, null, Json("""{"prompt":"Once upon"}"""), Json("""{"choices":[{"text":" a time"}]}""")));
            await store.AppendAsync(new FeedbackRecord(DateTimeOffset.UnixEpoch, "rerated", 1, null, null, chatRequest, chatResponse));
            await store.AppendAsync(new FeedbackRecord(DateTimeOffset.UnixEpoch, "rerated", 4, null, null, chatRequest, chatResponse));
        }

        await File.AppendAllTextAsync(feedback, "{not json\n");
        var output = new StringWriter();
        var error = new StringWriter();
        var outPath = Path.Combine(_directory, "train.jsonl");

        var code = await ServerCommandLine.InvokeAsync([ExportFeedbackCommand.Name, "--min-rating", "4", "--out", outPath, "--feedback", feedback], output, error);

        Assert.Equal(0, code);
        Assert.Equal("", error.ToString());
        Assert.Contains("exported 3 examples", output.ToString());
        Assert.Contains("1 rated below 4, 1 without a recorded exchange, 1 unreadable", output.ToString());
        var lines = (await File.ReadAllLinesAsync(outPath)).Select(line => JsonDocument.Parse(line).RootElement).ToArray();
        Assert.Equal(3, lines.Length);
        Assert.All(lines, line =>
        {
            var messages = line.GetProperty("messages").EnumerateArray().ToArray();
            Assert.Equal("assistant", messages[^1].GetProperty("role").GetString());
            Assert.All(messages[..^1], message => Assert.Contains(message.GetProperty("role").GetString(), new[] { "system", "user" }));
        });
        Assert.Equal(["system", "user", "assistant"], lines[0].GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("role").GetString()!));
        Assert.Equal("Paris.", lines[0].GetProperty("messages")[2].GetProperty("content").GetString());
        Assert.Equal("f", lines[0].GetProperty("tools")[0].GetProperty("function").GetProperty("name").GetString());
        Assert.Equal(" a time", lines[1].GetProperty("messages")[1].GetProperty("content").GetString());
        Assert.Equal(["messages", "tools"], lines[0].EnumerateObject().Select(p => p.Name));
    }

    [Theory]
    [InlineData]
    [InlineData("--min-rating", "9", "--out", "x.jsonl")]
    [InlineData("--out")]
    [InlineData("--output", "x.jsonl")]
    public async Task Bad_arguments_are_a_usage_error(params string[] args)
    {
        var error = new StringWriter();

        Assert.Equal(2, await ServerCommandLine.InvokeAsync([ExportFeedbackCommand.Name, .. args], TextWriter.Null, error));
        Assert.Contains("export-feedback --help", error.ToString());
    }

    [Fact]
    public async Task A_missing_feedback_file_is_a_clear_error()
    {
        var error = new StringWriter();

        Assert.Equal(1, await ServerCommandLine.InvokeAsync([ExportFeedbackCommand.Name, "--out", Path.Combine(_directory, "o.jsonl"), "--feedback", Path.Combine(_directory, "none.jsonl")], TextWriter.Null, error));
        Assert.StartsWith("error: no feedback file at", error.ToString());
    }

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();
}
