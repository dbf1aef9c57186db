using System.Globalization;
using LocalOpenAi.Engine;

namespace LocalOpenAi.Server.Models.Loading;

/// <summary>llama.cpp's one-line model description, with the size it prints as <c>?B</c> for shapes it does not know (synthetic models) filled in.</summary>
internal static class ModelDescription
{
    public static string Of(LlamaModel model) =>
        model.Description.Replace("?B", Parameters(model.ParameterCount), StringComparison.Ordinal);

    /// <summary>1.2B, 3.4M or 56K parameters.</summary>
    public static string Parameters(long count) => count switch
    {
        >= 1_000_000_000 => (count / 1e9).ToString("0.#", CultureInfo.InvariantCulture) + "B",
        >= 1_000_000 => (count / 1e6).ToString("0.#", CultureInfo.InvariantCulture) + "M",
        _ => (count / 1e3).ToString("0.#", CultureInfo.InvariantCulture) + "K",
    };
}
