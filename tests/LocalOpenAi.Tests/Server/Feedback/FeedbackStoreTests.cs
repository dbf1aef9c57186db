using System.Text.Json;
using LocalOpenAi.Server.Feedback;

namespace LocalOpenAi.Tests.Server.Feedback;

public sealed class FeedbackStoreTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "localopenai-store-" + Guid.NewGuid().ToString("N"));

    private string FilePath => Path.Combine(_directory, "nested", "feedback.jsonl");

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public async Task A_record_is_on_disk_as_soon_as_the_append_returns_without_closing_the_store()
    {
        // Stands in for a kill right after the 202: the store is never disposed or flushed again.
        var store = new FeedbackStore(FilePath);
        await store.AppendAsync(new FeedbackRecord(DateTimeOffset.UnixEpoch, "r1", 4, "ok", null, null, null));

        await using var other = new FileStream(FilePath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var text = await new StreamReader(other).ReadToEndAsync();
        Assert.EndsWith("\n", text);
        var record = JsonSerializer.Deserialize<JsonElement>(text);
        Assert.Equal("r1", record.GetProperty("request_id").GetString());
        Assert.Equal(4, record.GetProperty("rating").GetInt32());
        GC.KeepAlive(store);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{\"time\":\"2025-01-01T00:00:00+00:00\",\"request_id\":\"r1\",\"rating\":3}\n")]
    public async Task A_record_torn_by_a_crash_is_dropped_when_the_file_is_next_opened(string complete)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
        await File.WriteAllTextAsync(FilePath, complete + """{"time":"2025-01-01T00:00:00+00:00","request_id":"torn","rat""");
        await using var store = new FeedbackStore(FilePath);

        Assert.Equal(FeedbackAppendResult.Stored, await store.AppendAsync(new FeedbackRecord(DateTimeOffset.UnixEpoch, "r2", 5, null, "u", null, null)));

        var lines = await File.ReadAllLinesAsync(FilePath);
        Assert.Equal(complete.Length == 0 ? ["r2"] : ["r1", "r2"], lines.Select(line => JsonSerializer.Deserialize<JsonElement>(line).GetProperty("request_id").GetString()));
    }

    [Fact]
    public async Task A_full_disk_is_reported_as_a_value_on_every_append()
    {
        // Linux's /dev/full fails every write with ENOSPC, as a full disk does.
        await using var full = new FeedbackStore("/dev/full");

        Assert.Equal(FeedbackAppendResult.DiskFull, await full.AppendAsync(new FeedbackRecord(DateTimeOffset.UnixEpoch, "r1", 4, null, null, null, null)));
        Assert.Equal(FeedbackAppendResult.DiskFull, await full.AppendAsync(new FeedbackRecord(DateTimeOffset.UnixEpoch, "r2", 4, null, null, null, null)));
    }

    [Fact]
    public async Task Concurrent_appends_never_interleave()
    {
        await using var store = new FeedbackStore(FilePath);

        await Task.WhenAll(Enumerable.Range(0, 100).Select(i => Task.Run(() =>
            store.AppendAsync(new FeedbackRecord(DateTimeOffset.UnixEpoch, $"r{i}", 3, new string('c', 5000), null, null, null)))));

        var lines = await File.ReadAllLinesAsync(FilePath);
        Assert.Equal(100, lines.Select(line => JsonSerializer.Deserialize<JsonElement>(line).GetProperty("request_id").GetString()).Distinct().Count());
    }

    [Fact]
    public void The_exchange_log_forgets_the_oldest_beyond_its_capacity()
    {
        var log = new BoundedExchangeLog(capacity: 2);
        var empty = JsonDocument.Parse("{}").RootElement;

        log.Record(new ExchangeRecord("a", DateTimeOffset.UnixEpoch, empty, empty));
        log.Record(new ExchangeRecord("b", DateTimeOffset.UnixEpoch, empty, empty));
        log.Record(new ExchangeRecord("a", DateTimeOffset.UnixEpoch.AddSeconds(1), empty, empty));
        log.Record(new ExchangeRecord("c", DateTimeOffset.UnixEpoch, empty, empty));

        Assert.Null(log.Find("b"));
        Assert.Equal(DateTimeOffset.UnixEpoch.AddSeconds(1), log.Find("a")?.Time);
        Assert.NotNull(log.Find("c"));
        Assert.Equal(2, log.Count);
    }
}
