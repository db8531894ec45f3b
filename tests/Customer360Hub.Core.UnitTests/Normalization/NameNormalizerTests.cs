using Customer360Hub.Normalization;

namespace Customer360Hub.Core.UnitTests.Normalization;

public sealed class NameNormalizerTests
{
    [Theory]
    [InlineData("Dr. Jane A. Smith Jr.", "jane", "a", "smith", "jr")]
    [InlineData("Smith, Jane", "jane", null, "smith", null)]
    [InlineData("SMITH, Jane Ann", "jane", "ann", "smith", null)]
    [InlineData("Ludwig van Beethoven", "ludwig", null, "vanbeethoven", null)]
    [InlineData("Mr Seán O'Briain", "sean", null, "obriain", null)]
    [InlineData("José María García-López", "jose", "maria", "garcialopez", null)]
    [InlineData("Robert Keller III", "robert", null, "keller", "iii")]
    [InlineData("Prof. Dr. Hans Müller PhD", "hans", null, "muller", null)]
    [InlineData("Smith, Jr.", "smith", null, null, "jr")]
    public void ParseFull_DisplayNames_SplitIntoParts(string full, string? given, string? middle, string? family, string? generation)
    {
        Assert.Equal(new PersonName(given, middle, family, generation), NameNormalizer.ParseFull(full));
    }

    [Fact]
    public void Normalize_SeparateFields_WinOverTheDisplayName()
    {
        Assert.Equal(new PersonName("zoe", null, "oconnor", null), NameNormalizer.Normalize(" Zoë ", "O'Connor", "Someone Else"));
    }

    [Theory]
    [InlineData("n/a", "unknown")]
    [InlineData("N/A", "-")]
    [InlineData("test", "xxx")]
    public void Normalize_Placeholders_AreIgnored(string given, string family)
    {
        Assert.True(NameNormalizer.Normalize(given, family, null).IsEmpty);
    }

    [Theory]
    [InlineData("bob", "robert", true)]
    [InlineData("bill", "will", true)]
    [InlineData("liz", "elizabeth", true)]
    [InlineData("kate", "katherine", true)]
    [InlineData("alex", "alexandra", true)]
    [InlineData("bob", "william", false)]
    [InlineData("mary", "maria", false)]
    public void AreEquivalent_Nicknames_MatchTheirFormalNames(string a, string b, bool expected)
    {
        Assert.Equal(expected, Nicknames.AreEquivalent(a, b));
    }

    [Theory]
    [InlineData("Zoë Ångström-Łukasz", "zoe angstrom lukasz")]
    [InlineData("  STRASSE  ", "strasse")]
    [InlineData("Straße", "strasse")]
    [InlineData("D'Angelo", "dangelo")]
    public void Fold_AccentsCasePunctuation_AreFolded(string text, string expected)
    {
        Assert.Equal(expected, TextFolding.Fold(text));
    }
}
