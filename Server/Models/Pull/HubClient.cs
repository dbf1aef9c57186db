using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace LocalOpenAi.Server.Models.Pull;

/// <summary>
/// The Hub's HTTP surface: the model listing and file downloads. Redirects are followed here, not by
/// the handler, so that the first hop's <c>X-Linked-Etag</c>/<c>X-Linked-Size</c> survive and the token
/// is sent to the Hub's own origin only (never to the CDN it redirects to).
/// </summary>
internal sealed class HubClient(HttpClient http, PullOptions options)
{
    private const int MaxRedirects = 10;

    public Uri Endpoint => options.Endpoint;

    public static HttpClient CreateHttpClient(PullOptions options) =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false, ConnectTimeout = options.StallTimeout, AutomaticDecompression = DecompressionMethods.None })
        {
            Timeout = Timeout.InfiniteTimeSpan,
            DefaultRequestHeaders = { { "User-Agent", "LocalOpenAi" } },
        };

    public Uri ModelInfoUri(HuggingFaceReference reference)
    {
        var revision = options.Revision == "main" ? "" : "/revision/" + Uri.EscapeDataString(options.Revision);
        return new Uri($"{Base}/api/models/{Escape(reference.Owner)}/{Escape(reference.Repository)}{revision}?blobs=true");
    }

    public Uri FileUri(HuggingFaceReference reference, string file) =>
        new($"{Base}/{Escape(reference.Owner)}/{Escape(reference.Repository)}/resolve/{Uri.EscapeDataString(options.Revision)}/{string.Join('/', file.Split('/').Select(Escape))}");

    /// <summary>The repository's files, or null with the status when the Hub did not answer 2xx.</summary>
    public async Task<(IReadOnlyList<HubFile>? Files, HttpStatusCode Status)> ListFilesAsync(HuggingFaceReference reference, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.StallTimeout * 2);
        using var response = await GetAsync(ModelInfoUri(reference), rangeStart: 0, timeout.Token);
        if (!response.Message.IsSuccessStatusCode)
        {
            return (null, response.Message.StatusCode);
        }

        await using var body = await response.Message.Content.ReadAsStreamAsync(timeout.Token);
        var info = await JsonSerializer.DeserializeAsync(body, PullJson.Default.HubModelInfo, timeout.Token);
        var files = (info?.Siblings ?? [])
            .Where(sibling => sibling.FileName is not null)
            .Select(sibling => new HubFile(sibling.FileName!, sibling.Lfs?.Size ?? sibling.Size, Sha256Digest.Normalize(sibling.Lfs?.Sha256)))
            .ToArray();
        return (files, response.Message.StatusCode);
    }

    /// <summary>GETs <paramref name="uri"/>, from <paramref name="rangeStart"/> when above zero, following redirects.</summary>
    public async Task<HubResponse> GetAsync(Uri uri, long rangeStart, CancellationToken cancellationToken)
    {
        string? linkedEtag = null;
        long? linkedSize = null;
        for (var hop = 0; ; hop++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            if (rangeStart > 0)
            {
                request.Headers.Range = new RangeHeaderValue(rangeStart, null);
            }

            if (options.Token is { } token && IsHubOrigin(uri))
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            linkedEtag ??= Header(response, "X-Linked-Etag");
            linkedSize ??= long.TryParse(Header(response, "X-Linked-Size"), out var size) ? size : null;
            var isRedirect = (int)response.StatusCode is 301 or 302 or 303 or 307 or 308;
            if (!isRedirect || response.Headers.Location is not { } location || hop >= MaxRedirects)
            {
                return new HubResponse(response, linkedEtag, linkedSize);
            }

            response.Dispose();
            uri = location.IsAbsoluteUri ? location : new Uri(uri, location);
        }
    }

    private string Base => options.Endpoint.AbsoluteUri.TrimEnd('/');

    private bool IsHubOrigin(Uri uri) =>
        Uri.Compare(uri, options.Endpoint, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;

    private static string Escape(string segment) => Uri.EscapeDataString(segment);

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
