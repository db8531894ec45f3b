using Customer360Hub.Azure.Storage;

namespace Customer360Hub.Azure.UnitTests.Storage;

public sealed class CosmosIdsTests
{
    [Theory]
    [InlineData("p-0123456789abcdef0123", "p-0123456789abcdef0123")]
    [InlineData("zendesk/users/1", "zendesk!2Fusers!2F1")]
    [InlineData("a!b?c#d\\e", "a!21b!3Fc!23d!5Ce")]
    public void Encode_ForbiddenCharacters_AreEscapedAndDecodeBack(string id, string encoded)
    {
        Assert.Equal(encoded, CosmosIds.Encode(id));
        Assert.Equal(id, CosmosIds.Decode(encoded));
    }

    [Fact]
    public void Encode_PrefixOfAnId_StaysAPrefixOfTheEncodedId()
    {
        Assert.StartsWith(CosmosIds.Encode("zendesk/users/"), CosmosIds.Encode("zendesk/users/42"), StringComparison.Ordinal);
    }
}
