using System.ComponentModel;
using System.Globalization;

namespace LocalOpenAi.Router.Routing;

/// <summary>Lets configuration binding read <c>"local_only"</c> as well as <c>"LocalOnly"</c>.</summary>
internal sealed class RoutingStrategyConverter : EnumConverter
{
    public RoutingStrategyConverter()
        : base(typeof(RoutingStrategy))
    {
    }

    public override object? ConvertFrom(ITypeDescriptorContext? context, CultureInfo? culture, object value) =>
        value is string text
            ? RouterWireNames.TryParseStrategy(text, out var strategy)
                ? strategy
                : throw new FormatException($"Unknown routing strategy '{text}'; expected local_only, cloud_only, hybrid, local_fallback or local_first.")
            : base.ConvertFrom(context, culture, value);
}
