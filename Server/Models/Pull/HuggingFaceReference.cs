using System.Diagnostics.CodeAnalysis;

namespace LocalOpenAi.Server.Models.Pull;

/// <summary>A model on the Hugging Face Hub: <c>hf:OWNER/REPO[:QUANT]</c>.</summary>
/// <param name="Owner">The user or organisation, e.g. <c>bartowski</c>.</param>
/// <param name="Repository">The repository, e.g. <c>Llama-3.2-1B-Instruct-GGUF</c>.</param>
/// <param name="Quantization">The quantization to pick (e.g. <c>Q4_K_M</c>, matched case-insensitively in the file name), or null for the default choice.</param>
internal sealed record HuggingFaceReference(string Owner, string Repository, string? Quantization)
{
    /// <summary>The prefix that marks a Hugging Face reference in <c>--model</c>.</summary>
    public const string Prefix = "hf:";

    /// <summary>Whether a <c>--model</c> value is meant as a Hugging Face reference (well formed or not).</summary>
    public static bool HasPrefix(string value) => value.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>Parses <c>hf:OWNER/REPO[:QUANT]</c>; false for anything else or a malformed reference.</summary>
    public static bool TryParse(string? value, [NotNullWhen(true)] out HuggingFaceReference? reference)
    {
        reference = null;
        if (value is null || !HasPrefix(value))
        {
            return false;
        }

        var body = value[Prefix.Length..];
        var colon = body.IndexOf(':', StringComparison.Ordinal);
        var path = colon < 0 ? body : body[..colon];
        var quantization = colon < 0 ? null : body[(colon + 1)..];
        var parts = path.Split('/');
        if (parts.Length != 2 || !IsName(parts[0]) || !IsName(parts[1]) || (quantization is not null && !IsName(quantization)))
        {
            return false;
        }

        reference = new HuggingFaceReference(parts[0], parts[1], quantization);
        return true;
    }

    /// <inheritdoc />
    public override string ToString() =>
        Quantization is null ? $"{Prefix}{Owner}/{Repository}" : $"{Prefix}{Owner}/{Repository}:{Quantization}";

    /// <summary>Hub names: letters, digits, '-', '_', '.'; never '.' or '..' (they become folder names).</summary>
    private static bool IsName(string part) =>
        part.Length is > 0 and <= 96
        && part is not "." and not ".."
        && part.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}
