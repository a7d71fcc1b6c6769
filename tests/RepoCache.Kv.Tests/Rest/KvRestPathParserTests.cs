using RepoCache.Kv.Rest;

namespace RepoCache.Kv.Tests.Rest;

public sealed class KvRestPathParserTests
{
    private const string Namespaces = "/client/v4/accounts/acc/storage/kv/namespaces";

    [Theory]
    [InlineData("", "Namespaces")]
    [InlineData("/", "Namespaces")]
    [InlineData("/ns", "Namespace")]
    [InlineData("/ns/", "Namespace")]
    [InlineData("/ns/keys?limit=10", "Keys")]
    [InlineData("/ns/bulk", "Bulk")]
    [InlineData("/ns/bulk/delete", "BulkDelete")]
    [InlineData("/ns/bulk/get", "BulkGet")]
    [InlineData("/ns/values/k", "Value")]
    [InlineData("/ns/metadata/k", "Metadata")]
    public void Path_maps_to_its_resource(string tail, string resource)
    {
        var path = KvRestPathParser.Parse(Namespaces + tail);

        path.ShouldNotBeNull();
        path.Resource.ToString().ShouldBe(resource);
        path.AccountId.ShouldBe("acc");
    }

    [Theory]
    [InlineData("/ns/values/a/b", "a/b")]
    [InlineData("/ns/values/a%2Fb", "a/b")]
    [InlineData("/ns/values/a/", "a/")]
    [InlineData("/ns/values/..", "..")]
    [InlineData("/ns/values/", "")]
    [InlineData("/ns/metadata/values/x", "values/x")]
    [InlineData("/ns/values/k?x=%ZZ", "k")]
    public void Key_is_everything_after_values(string tail, string key)
    {
        KvRestPathParser.Parse(Namespaces + tail)!.Key.ShouldBe(key);
    }

    [Theory]
    [InlineData("/client/v4/accounts//storage/kv/namespaces")]
    [InlineData("/client/v4/accounts/acc/storage/kv")]
    [InlineData("/client/v4/accounts/acc/storage/kv/Namespaces")]
    [InlineData("/client/v3/accounts/acc/storage/kv/namespaces")]
    [InlineData("*")]
    [InlineData("/client/v4/accounts/acc/storage/kv/namespaces//keys")]
    [InlineData("/client/v4/accounts/acc/storage/kv/namespaces/ns/keys/extra")]
    public void Other_paths_are_not_kv_paths(string target)
    {
        KvRestPathParser.Parse(target).ShouldBeNull();
    }
}
