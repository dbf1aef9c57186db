using System.Diagnostics.CodeAnalysis;
using System.Net;

namespace LocalOpenAi.LoadGenerator;

/// <summary>Reads <see cref="LoadOptions"/> from the command line and lists every problem at once.</summary>
internal static class LoadOptionsParser
{
    public const string Usage = """
        usage: LocalOpenAi.LoadGenerator [run] --base-url http://127.0.0.1:8080/v1 [options]
          --model NAME                      model field of each request (default: default)
          --requests N                      measured requests per concurrency level (default: 32)
          --concurrency 1,8,16              concurrent streaming clients, one level after another (default: 1)
          --max-tokens N                    max_tokens of each request (default: 64)
          --prompt-tokens N                 words in each request's own user message, about N tokens (default: 16)
          --system-prompt-file FILE         a system prompt every request shares
          --shared-system-prompt-tokens N   a generated shared system prompt of about N tokens
          --agents N                        spread requests over N agents (request i is agent i mod N): each sends
                                            X-Agent-Name: agent-K and a system prompt of its own ("Agent K." first)
          --temperature T                   (default: 0.8)
          --ignore-eos                      send ignore_eos: true so every request generates max_tokens
          --timeout SECONDS                 limit on one request (default: 120)
          --deadline SECONDS                limit on one concurrency level (default: 600)
          --warmup N                        unmeasured requests before the first level (default: 1)
          --first-request N                 number of the first request (default: 0); give runs against one
                                            server ranges of their own, or a response cache answers repeats
          --json-out FILE                   write machine-readable results
          --label NAME                      workload name in the JSON (default: the file name)
        usage: LocalOpenAi.LoadGenerator compare BASELINE_DIR CANDIDATE_DIR (each a folder of reports, or of round folders of reports) [--baseline-name A] [--candidate-name B]
        """;

    private static readonly HashSet<string> Flags = ["--ignore-eos"];

    public static bool TryParse(string[] args, [NotNullWhen(true)] out LoadOptions? options, out string error)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var errors = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (Flags.Contains(args[i]))
            {
                values[args[i]] = "true";
            }
            else if (args[i].StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Length)
            {
                values[args[i]] = args[++i];
            }
            else
            {
                errors.Add($"unexpected argument '{args[i]}'");
            }
        }

        var reader = new OptionValues(values, errors);
        var baseUrl = ReadBaseUrl(values.GetValueOrDefault("--base-url"), errors);
        var concurrency = reader.IntList("--concurrency", "1");
        var systemPrompt = ReadSystemPrompt(values, reader, errors);
        var jsonOut = values.GetValueOrDefault("--json-out");
        options = new LoadOptions(
            baseUrl ?? new Uri("http://127.0.0.1/"),
            values.GetValueOrDefault("--model", "default"),
            reader.Int("--requests", 32, min: 1),
            concurrency,
            reader.Int("--max-tokens", 64, min: 1),
            reader.Int("--prompt-tokens", 16, min: 1),
            systemPrompt,
            reader.Double("--temperature", 0.8),
            values.ContainsKey("--ignore-eos"),
            TimeSpan.FromSeconds(reader.Double("--timeout", 120)),
            TimeSpan.FromSeconds(reader.Double("--deadline", 600)),
            reader.Int("--warmup", 1, min: 0),
            reader.Int("--first-request", 0, min: 0),
            reader.Int("--agents", 0, min: 0),
            jsonOut,
            values.GetValueOrDefault("--label") ?? (jsonOut is null ? null : Path.GetFileNameWithoutExtension(jsonOut)));
        foreach (var key in values.Keys.Where(key => !OptionValues.Known.Contains(key)))
        {
            errors.Add($"unknown option '{key}'");
        }

        error = string.Join(Environment.NewLine, errors);
        if (errors.Count > 0)
        {
            options = null;
            return false;
        }

        return true;
    }

    private static Uri? ReadBaseUrl(string? text, List<string> errors)
    {
        if (text is null || !Uri.TryCreate(text.EndsWith('/') ? text : text + "/", UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            errors.Add("--base-url must be an absolute http(s) URL such as http://127.0.0.1:8080/v1");
            return null;
        }

        // Loopback only: this tool sends bursts of traffic and must never be pointed at someone else's server.
        var loopback = url.IsLoopback || (IPAddress.TryParse(url.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
        if (!loopback)
        {
            errors.Add($"--base-url host '{url.Host}' is not a loopback address; only local servers may be driven");
            return null;
        }

        return url;
    }

    private static string? ReadSystemPrompt(Dictionary<string, string> values, OptionValues reader, List<string> errors)
    {
        if (values.TryGetValue("--system-prompt-file", out var file))
        {
            if (values.ContainsKey("--shared-system-prompt-tokens"))
            {
                errors.Add("--system-prompt-file and --shared-system-prompt-tokens exclude each other");
            }

            if (File.Exists(file))
            {
                return File.ReadAllText(file);
            }

            errors.Add($"--system-prompt-file '{file}' does not exist");
            return null;
        }

        var tokens = reader.Int("--shared-system-prompt-tokens", 0, min: 0);
        return tokens > 0 ? PromptText.SharedSystemPrompt(tokens) : null;
    }
}
