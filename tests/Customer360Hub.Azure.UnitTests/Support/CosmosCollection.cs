namespace Customer360Hub.Azure.UnitTests.Support;

[CollectionDefinition(Name)]
public sealed class CosmosCollection : ICollectionFixture<CosmosFixture>
{
    public const string Name = "cosmos";
}
