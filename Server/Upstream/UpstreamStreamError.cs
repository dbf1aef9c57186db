using System.Text.Json;
using LocalOpenAi.Formats.OpenAi;
using LocalOpenAi.Server.Errors;

namespace LocalOpenAi.Server.Upstream;

/// <summary>Ends an SSE stream that broke mid-way with one <c>data: {"error":...}</c> event (OpenAI's shape).</summary>
internal static class UpstreamStreamError
{
    /// <summary>
    /// Writes the error event for <paramref name="result"/> (normally <see cref="UpstreamError.StreamCut"/>)
    /// and flushes; does nothing when the client has gone. Call it only when <see cref="UpstreamResult.ResponseStarted"/>.
    /// </summary>
    public static async Task WriteAsync(HttpResponse response, UpstreamResult result, CancellationToken cancellationToken)
    {
        var envelope = OpenAiError.Envelope(
            "The upstream provider ended the stream early.",
            "server_error",
            null,
            result.Reason);
        try
        {
            await response.Body.WriteAsync("data: "u8.ToArray(), cancellationToken);
            await JsonSerializer.SerializeAsync(response.Body, envelope, OpenAiJson.Default.ErrorResponse, cancellationToken);
            await response.Body.WriteAsync("\n\n"u8.ToArray(), cancellationToken);
            await response.Body.FlushAsync(cancellationToken);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
            // The client went away; nothing left to tell it.
        }
    }
}
