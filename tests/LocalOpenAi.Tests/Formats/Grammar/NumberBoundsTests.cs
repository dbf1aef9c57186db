using System.Globalization;
using System.Text.Json;
using LocalOpenAi.Formats.Grammar;

namespace LocalOpenAi.Tests.Formats.Grammar;

/// <summary>Bounds and <c>multipleOf</c> on numbers and integers, as client libraries write them.</summary>
public sealed class NumberBoundsTests
{
    private static readonly string[] Keywords = ["minimum", "exclusiveMinimum", "maximum", "exclusiveMaximum"];

    [Fact]
    public void Zod_integers_bounded_by_the_safe_integer_range_keep_exactly_that_range()
    {
        var matcher = Matcher("""{"type":"integer","minimum":-9007199254740991,"maximum":9007199254740991}""");

        Assert.All(["0", "-42", "9007199254740991", "-9007199254740991", "123456789012345"], text => Assert.True(matcher.Accepts(text), text));
        Assert.All(["9007199254740992", "-9007199254740992", "1.5"], text => Assert.False(matcher.Accepts(text), text));
    }

    [Theory]
    [InlineData("""{"type":"integer","minimum":-1e300}""", "-9999999999999999", "")]
    [InlineData("""{"type":"number","maximum":1e20,"minimum":0}""", "9999999999999999.5", "-1")]
    [InlineData("""{"type":"integer","maximum":100000000000000000000000000000000000000}""", "5", "")]
    public void A_bound_beyond_what_the_grammar_writes_leaves_that_end_open(string schema, string accepted, string rejected)
    {
        var matcher = Matcher(schema);

        Assert.True(matcher.Accepts(accepted), accepted);
        Assert.True(rejected.Length == 0 || !matcher.Accepts(rejected), rejected);
    }

    [Theory]
    [InlineData("""{"type":"integer","minimum":1e20}""", "empty")]
    [InlineData("""{"type":"number","exclusiveMaximum":-1e17}""", "empty")]
    [InlineData("""{"type":"number","minimum":2,"exclusiveMaximum":2}""", "empty")]
    [InlineData("""{"type":"integer","exclusiveMinimum":1,"exclusiveMaximum":2}""", "empty")]
    [InlineData("""{"type":"number","minimum":0.25,"maximum":0.26,"multipleOf":0.1}""", "no number")]
    [InlineData("""{"type":"integer","multipleOf":7}""", "multipleOf")]
    [InlineData("""{"type":"number","multipleOf":0.25}""", "multipleOf")]
    [InlineData("""{"type":"integer","minimum":0,"maximum":100000,"multipleOf":3}""", "multipleOf")]
    [InlineData("""{"type":"integer","minimum":1,"maximum":4,"multipleOf":5}""", "no multiple of 5")]
    [InlineData("""{"type":"number","multipleOf":0}""", "multipleOf")]
    [InlineData("""{"type":"number","multipleOf":1e28}""", "multipleOf")]
    [InlineData("""{"type":"number","minimum":"1"}""", "minimum")]
    public void Ranges_without_a_writable_number_and_unsupported_divisors_are_refused_by_name(string schema, string mentioned)
    {
        var result = JsonSchemaGrammar.Convert(schema);

        Assert.False(result.IsSuccess);
        Assert.Contains(mentioned, result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"type":"number","minimum":1e-30}""", "0.0000000000000001", "0")]
    [InlineData("""{"type":"number","maximum":-1e-30}""", "-0.5", "0")]
    [InlineData("""{"type":"number","maximum":1e-30}""", "0", "0.1")]
    public void A_bound_too_small_for_a_decimal_stays_on_its_side_of_zero(string schema, string accepted, string rejected)
    {
        var matcher = Matcher(schema);

        Assert.True(matcher.Accepts(accepted), accepted);
        Assert.False(matcher.Accepts(rejected), rejected);
    }

    [Fact]
    public void Draft_four_boolean_exclusive_bounds_make_the_bound_exclusive()
    {
        var matcher = Matcher("""{"type":"number","minimum":0,"exclusiveMinimum":true,"maximum":1,"exclusiveMaximum":false}""");

        Assert.False(matcher.Accepts("0"));
        Assert.True(matcher.Accepts("0.001"));
        Assert.True(matcher.Accepts("1"));
        Assert.False(matcher.Accepts("1.01"));
    }

    [Theory]
    [InlineData("0.01", new[] { "1.25", "-3", "0.5", "10.1" }, new[] { "1.255", "0.001" })]
    [InlineData("1", new[] { "3", "-12", "0" }, new[] { "3.5", "0.1" })]
    [InlineData("0.001", new[] { "1.125" }, new[] { "1.1255" })]
    public void A_power_of_ten_multipleOf_bounds_the_digits_after_the_point(string divisor, string[] accepted, string[] rejected)
    {
        var schema = $$"""{"type":"number","multipleOf":{{divisor}}}""";
        var matcher = Matcher(schema);

        Assert.All(accepted, text => Assert.True(matcher.Accepts(text) && SchemaText.Validates(schema, text), text));
        Assert.All(rejected, text => Assert.False(matcher.Accepts(text), text));
    }

    [Fact]
    public void Zods_integer_multipleOf_over_the_safe_range_writes_integers_ending_in_a_multiple()
    {
        var schema = """{"type":"integer","minimum":-9007199254740991,"maximum":9007199254740991,"multipleOf":25}""";
        var matcher = Matcher(schema);

        Assert.All(["0", "25", "-75", "100", "123456789012350", "-1000"], text => Assert.True(matcher.Accepts(text) && SchemaText.Validates(schema, text), text));
        Assert.All(["5", "30", "-1", "1234567890123450", "-0"], text => Assert.False(matcher.Accepts(text), text));
    }

    /// <summary>
    /// Random closed ranges and divisors (a slider's step of 0.25 or 0.5, integers' 2, 3, 5, 7): the multiples are listed,
    /// and the grammar accepts exactly the multiples inside, written plainly, which the validator accepts too.
    /// </summary>
    [Fact]
    public void Multiples_in_a_closed_range_are_written_exactly()
    {
        var random = new Random(53);
        decimal[] divisors = [0.25m, 0.5m, 2, 3, 5, 7, 1.5m];
        for (var round = 0; round < 60; round++)
        {
            var divisor = divisors[random.Next(divisors.Length)];
            var integer = random.Next(2) == 0;
            decimal low = random.Next(-40, 41) / 4m, high = low + (random.Next(0, 61) / 4m);
            var schema = $$"""{"type":"{{(integer ? "integer" : "number")}}","{{(random.Next(2) == 0 ? "minimum" : "exclusiveMinimum")}}":{{low.ToString(CultureInfo.InvariantCulture)}},"maximum":{{high.ToString(CultureInfo.InvariantCulture)}},"multipleOf":{{divisor.ToString(CultureInfo.InvariantCulture)}}}""";
            var result = JsonSchemaGrammar.Convert(schema);
            var exclusive = schema.Contains("exclusiveMinimum", StringComparison.Ordinal);
            bool Inside(decimal v) => (exclusive ? v > low : v >= low) && v <= high && v % divisor == 0 && (!integer || v == decimal.Floor(v));
            var grid = Enumerable.Range(-60, 241).Select(step => step / 4m).ToList();
            if (!result.IsSuccess)
            {
                Assert.True(grid.All(v => !Inside(v)), $"{schema}: {result.Error}");
                continue;
            }

            var matcher = new GbnfMatcher(result.Grammar!);
            foreach (var value in grid)
            {
                var text = value.ToString("0.##", CultureInfo.InvariantCulture);
                Assert.True(matcher.Accepts(text) == Inside(value), $"{text} against {schema}");
                Assert.True(!Inside(value) || SchemaText.Validates(schema, text), $"{text} against {schema}");
            }
        }
    }

    /// <summary>
    /// Random ranges (each end absent, inclusive or exclusive; up to three digits after the point), checked against every
    /// number from -12 to 12 in steps of 0.005 written with the fewest digits, and with a trailing zero: the grammar accepts
    /// exactly the numbers inside, and the validator the service checks answers with agrees with each one accepted.
    /// </summary>
    [Fact]
    public void Number_ranges_accept_exactly_the_numbers_inside()
    {
        var random = new Random(2026);
        for (var round = 0; round < 100; round++)
        {
            var bounds = new Dictionary<string, decimal>();
            foreach (var keyword in Keywords.Where(_ => random.Next(3) == 0))
            {
                bounds[keyword] = random.Next(2) == 0 ? random.Next(-10_000, 10_001) / 1000m : random.Next(-10, 11);
            }

            var schema = JsonSerializer.Serialize(new Dictionary<string, object> { ["type"] = "number" }.Concat(bounds.Select(b => KeyValuePair.Create(b.Key, (object)b.Value))).ToDictionary());
            var result = JsonSchemaGrammar.Convert(schema);
            var inside = Inside(bounds);
            if (!result.IsSuccess)
            {
                Assert.True(Enumerable.Range(-2400, 4801).All(step => !inside(step * 0.005m)), $"{schema}: {result.Error}");
                continue;
            }

            var matcher = new GbnfMatcher(result.Grammar!);
            for (var step = -2400; step <= 2400; step++)
            {
                var value = step * 0.005m;
                var text = value.ToString("0.###", CultureInfo.InvariantCulture);
                Assert.True(matcher.Accepts(text) == inside(value), $"{text} against {schema}");
                Assert.True(matcher.Accepts(text.Contains('.') ? text + "0" : text + ".0") == inside(value), $"{text}0 against {schema}");
                if (step % 97 == 0 && inside(value))
                {
                    Assert.True(SchemaText.Validates(schema, text), $"{text} against {schema}");
                }
            }
        }
    }

    private static Func<decimal, bool> Inside(Dictionary<string, decimal> bounds) => value =>
        (!bounds.TryGetValue("minimum", out var min) || value >= min)
        && (!bounds.TryGetValue("exclusiveMinimum", out var exclusiveMin) || value > exclusiveMin)
        && (!bounds.TryGetValue("maximum", out var max) || value <= max)
        && (!bounds.TryGetValue("exclusiveMaximum", out var exclusiveMax) || value < exclusiveMax);

    private static GbnfMatcher Matcher(string schema)
    {
        var result = JsonSchemaGrammar.Convert(schema);
        Assert.True(result.IsSuccess, result.Error);
        return new GbnfMatcher(result.Grammar!);
    }
}
