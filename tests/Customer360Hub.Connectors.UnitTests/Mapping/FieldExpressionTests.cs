using System.Text.Json;
using Customer360Hub.Connectors.Mapping;

namespace Customer360Hub.Connectors.UnitTests.Mapping;

public sealed class FieldExpressionTests
{
    private static readonly JsonElement Payload = JsonDocument.Parse("""
        {"amount": 12345, "created": 1767225600, "ms": 1767225600123, "currency": "usd", "optout": "true",
         "phone": null, "mobile": "+1 312 555 0100", "lines": [{"d": "a"}, {"d": "b"}], "type": "Company", "name": "Acme"}
        """).RootElement;

    [Theory]
    [InlineData("amount|cents", "123.45")]
    [InlineData("created|unix", "2026-01-01T00:00:00Z")]
    [InlineData("ms|unixms", "2026-01-01T00:00:00.123Z")]
    [InlineData("currency|upper", "USD")]
    [InlineData("phone ?? mobile", "+1 312 555 0100")]
    [InlineData("optout|map:true=unsubscribed,false=subscribed", "unsubscribed")]
    [InlineData("lines.length", "2")]
    [InlineData("lines[1].d", "b")]
    [InlineData("name when type=Company", "Acme")]
    [InlineData("name when type=Person", null)]
    [InlineData("acme/{missing}", null)]
    [InlineData("=person", "person")]
    public void Evaluate_Expression_GivesTheCanonicalValue(string expression, string? expected) =>
        Assert.Equal(expected, FieldExpression.Evaluate(expression, Payload));

    [Theory]
    [InlineData("name|cents")]
    [InlineData("currency|map:eur=EUR")]
    [InlineData("name|nonsense")]
    public void Evaluate_ValueTheTransformCannotRead_ThrowsWithTheValue(string expression) =>
        Assert.Throws<FormatException>(() => FieldExpression.Evaluate(expression, Payload));
}
