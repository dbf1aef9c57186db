using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace LocalOpenAi.Tests.Server.Feedback;

/// <summary>Feedback on a full disk: a clear 507 and nothing half-written, and the server keeps answering.</summary>
public sealed class FeedbackDiskFullTests
{
    [Fact]
    public async Task Feedback_on_a_full_disk_is_a_507_naming_the_cause()
    {
        await using var host = await FeedbackHost.StartAsync("/dev/full");

        for (var attempt = 0; attempt < 2; attempt++)
        {
            using var response = await host.Http.PostAsync("feedback", new StringContent("""{"request_id":"r1","rating":4}""", Encoding.UTF8, "application/json"));

            Assert.Equal(HttpStatusCode.InsufficientStorage, response.StatusCode);
            var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!;
            Assert.Equal("insufficient_storage", error["code"]!.GetValue<string>());
            Assert.Contains("disk is full", error["message"]!.GetValue<string>());
        }
    }
}
