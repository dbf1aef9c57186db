using LocalOpenAi.Server.Models.Pull;
using LocalOpenAi.Tests.Support;

namespace LocalOpenAi.Tests.Server.Pull;

public sealed class ModelPullerTests : IAsyncLifetime
{
    private const string File4 = "Tiny-Q4_K_M.gguf";
    private const string File8 = "Tiny-Q8_0.gguf";
    private static readonly HuggingFaceReference Reference = new("tester", "Tiny-GGUF", null);

    private readonly FakeHub _hub = new();
    private readonly string _cache = Path.Combine(Path.GetTempPath(), "localopenai-pull-" + Guid.NewGuid().ToString("N"));
    private readonly byte[] _q4 = RandomBytes(3 * 1024 * 1024 + 123, seed: 1);
    private readonly byte[] _q8 = RandomBytes(1024 * 1024, seed: 2);

    public async Task InitializeAsync()
    {
        _hub.Files[File4] = _q4;
        _hub.Files[File8] = _q8;
        await _hub.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _hub.DisposeAsync();
        if (Directory.Exists(_cache))
        {
            Directory.Delete(_cache, recursive: true);
        }
    }

    private PullOptions Options => new() { Endpoint = _hub.Endpoint, CacheDirectory = _cache, RetryDelay = TimeSpan.Zero, StallTimeout = TimeSpan.FromSeconds(10) };

    private string FinalPath(string file) => Path.Combine(_cache, "tester", "Tiny-GGUF", file);

    [Fact]
    public async Task Downloads_the_default_quant_with_monotonic_progress_that_reaches_the_total()
    {
        var progress = new RecordingProgress();

        var result = await new ModelPuller().PullAsync(Reference, Options, progress);

        Assert.Equal(PullStatus.Downloaded, result.Status);
        Assert.Equal(FinalPath(File4), result.Path);
        Assert.Equal(_q4, await File.ReadAllBytesAsync(result.Path!));
        Assert.False(File.Exists(result.Path + ".partial"));
        var reports = progress.Reports.ToArray();
        Assert.NotEmpty(reports);
        Assert.All(reports.Zip(reports.Skip(1)), pair => Assert.True(pair.Second.BytesReceived >= pair.First.BytesReceived));
        Assert.All(reports, report => Assert.Equal(_q4.Length, report.TotalBytes));
        Assert.Equal(_q4.Length, reports[^1].BytesReceived);
        Assert.Equal(1.0, reports[^1].Fraction);
    }

    [Theory]
    [InlineData("Q8_0", File8)]
    [InlineData("q8_0", File8)]
    [InlineData("Q4_K_M", File4)]
    public async Task Picks_the_file_of_the_requested_quant(string quant, string expected)
    {
        var result = await new ModelPuller().PullAsync(Reference with { Quantization = quant }, Options);

        Assert.Equal(FinalPath(expected), result.Path);
    }

    [Fact]
    public async Task An_unknown_quant_is_not_found_and_lists_what_exists()
    {
        var result = await new ModelPuller().PullAsync(Reference with { Quantization = "Q2_K" }, Options);

        Assert.Equal(PullStatus.NotFound, result.Status);
        Assert.Contains("Q2_K", result.Error);
        Assert.Contains(File8, result.Error);
    }

    [Fact]
    public async Task Resumes_with_a_range_request_after_the_connection_drops_mid_body()
    {
        _hub.CutFirstResponseAt = 1024 * 1024;

        var result = await new ModelPuller().PullAsync(Reference, Options with { MaxAttempts = 2 });

        Assert.True(result.Status == PullStatus.Downloaded, result.Error);
        Assert.Equal(_q4, await File.ReadAllBytesAsync(result.Path!));
        var cdn = _hub.Requests.Where(request => request.Path.StartsWith("/cdn/", StringComparison.Ordinal)).ToArray();
        Assert.Equal(2, cdn.Length);
        Assert.Null(cdn[0].Range);
        Assert.StartsWith("bytes=", cdn[1].Range);
        Assert.True(long.Parse(cdn[1].Range!["bytes=".Length..].TrimEnd('-')) > 0);
    }

    [Fact]
    public async Task A_cut_download_is_kept_only_as_partial_and_the_next_pull_resumes_it()
    {
        _hub.CutFirstResponseAt = 1024 * 1024;

        var first = await new ModelPuller().PullAsync(Reference, Options with { MaxAttempts = 1 });

        Assert.Equal(PullStatus.Failed, first.Status);
        Assert.Contains("partial", first.Error);
        Assert.False(File.Exists(FinalPath(File4)));
        Assert.True(new FileInfo(FinalPath(File4) + ".partial").Length > 0);

        var second = await new ModelPuller().PullAsync(Reference, Options with { MaxAttempts = 1 });

        Assert.True(second.Status == PullStatus.Downloaded, second.Error);
        Assert.Equal(_q4, await File.ReadAllBytesAsync(second.Path!));
        Assert.NotNull(_hub.Requests.Last(request => request.Path.StartsWith("/cdn/", StringComparison.Ordinal)).Range);
    }

    [Fact]
    public async Task A_server_that_ignores_range_is_downloaded_again_from_the_start()
    {
        _hub.CutFirstResponseAt = 1024 * 1024;
        _hub.IgnoreRange = true;

        var result = await new ModelPuller().PullAsync(Reference, Options);

        Assert.Equal(PullStatus.Downloaded, result.Status);
        Assert.Equal(_q4, await File.ReadAllBytesAsync(result.Path!));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Wrong_bytes_fail_the_checksum_and_leave_no_file(bool listingHasSha)
    {
        var wrong = (byte[])_q4.Clone();
        wrong[12345] ^= 0xFF;
        _hub.Served[File4] = wrong;
        if (!listingHasSha)
        {
            _hub.Listed[File4] = (_q4.Length, null);
        }

        var result = await new ModelPuller().PullAsync(Reference, Options);

        Assert.Equal(PullStatus.IntegrityFailed, result.Status);
        Assert.Contains("checksum", result.Error);
        Assert.False(File.Exists(FinalPath(File4)));
        Assert.False(File.Exists(FinalPath(File4) + ".partial"));
    }

    [Fact]
    public async Task A_size_that_differs_from_the_listing_is_rejected()
    {
        _hub.Listed[File4] = (_q4.Length + 100, null);

        var result = await new ModelPuller().PullAsync(Reference, Options);

        Assert.Equal(PullStatus.IntegrityFailed, result.Status);
        Assert.Contains("size mismatch", result.Error);
        Assert.False(File.Exists(FinalPath(File4)));
    }

    [Fact]
    public async Task An_unreachable_hub_gives_a_clear_message()
    {
        var port = LoopbackPort.Free();

        var result = await new ModelPuller().PullAsync(Reference, Options with { Endpoint = new Uri($"http://127.0.0.1:{port}") });

        Assert.Equal(PullStatus.Unreachable, result.Status);
        Assert.StartsWith($"cannot reach http://127.0.0.1:{port}/: ", result.Error);
        Assert.Contains($"the model is not in the cache at {Path.Combine(_cache, "tester", "Tiny-GGUF")}", result.Error);
        Assert.DoesNotContain("   at ", result.Error);
    }

    [Fact]
    public async Task A_cached_file_is_used_without_the_network()
    {
        var first = await new ModelPuller().PullAsync(Reference, Options);
        await _hub.StopAsync();

        var second = await new ModelPuller().PullAsync(Reference, Options);

        Assert.Equal(PullStatus.Cached, second.Status);
        Assert.Equal(first.Path, second.Path);
    }

    [Fact]
    public async Task The_token_goes_to_the_hub_and_not_to_the_host_it_redirects_to()
    {
        _hub.RedirectHost = "localhost";

        var result = await new ModelPuller().PullAsync(Reference with { Quantization = "Q8_0" }, Options with { Token = "hf_secret" });

        Assert.Equal(PullStatus.Downloaded, result.Status);
        var requests = _hub.Requests.ToArray();
        Assert.Equal("Bearer hf_secret", requests.Single(request => request.Path.StartsWith("/api/", StringComparison.Ordinal)).Authorization);
        Assert.Null(requests.Single(request => request.Path.StartsWith("/cdn/", StringComparison.Ordinal)).Authorization);
        Assert.DoesNotContain("hf_secret", (Options with { Token = "hf_secret" }).ToString());
    }

    private static byte[] RandomBytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
