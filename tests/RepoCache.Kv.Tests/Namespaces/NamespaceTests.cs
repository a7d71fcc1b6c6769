using RepoCache.Kv.Semantics;
using RepoCache.Kv.Tests.Support;

namespace RepoCache.Kv.Tests.Namespaces;

public abstract class NamespaceTests(StoreKind store) : EmulatorTestBase(store)
{
    public sealed class InMemory() : NamespaceTests(StoreKind.InMemory);

    public sealed class LiteDb() : NamespaceTests(StoreKind.LiteDb);

    private const string FixedId = "0123456789abcdef0123456789abcdef";

    [Fact]
    public void Created_namespace_has_32_hex_id()
    {
        var created = Emulator.CreateNamespace("cache");

        NamespaceRules.IsValidId(created.Id).ShouldBeTrue();
        created.Title.ShouldBe("cache");
        created.SupportsUrlEncoding.ShouldBeTrue();
        Emulator.FindNamespace(created.Id).ShouldBe(created);
    }

    [Fact]
    public void Duplicate_title_is_rejected_with_10014()
    {
        var error = Should.Throw<KvException>(() => Emulator.CreateNamespace("tests"));

        error.StatusCode.ShouldBe(400);
        error.ErrorCode.ShouldBe(KvErrorCodes.NamespaceTitleExists);
        error.Message.ShouldStartWith("create namespace: 'A namespace with this account ID and title already exists'");
        error.Message.ShouldContain(Namespace.Id);
    }

    [Fact]
    public void Titles_that_differ_only_by_case_are_distinct()
    {
        Should.NotThrow(() => Emulator.CreateNamespace("Tests"));
    }

    [Fact]
    public void Title_of_512_characters_is_accepted_and_513_rejected()
    {
        Emulator.CreateNamespace(new string('t', 512)).Title.Length.ShouldBe(512);

        var error = Should.Throw<KvException>(() => Emulator.CreateNamespace(new string('t', 513)));

        error.StatusCode.ShouldBe(400);
        error.ErrorCode.ShouldBe(KvErrorCodes.InvalidNamespaceTitle);
        error.Message.ShouldContain("513 characters");
        error.Message.ShouldContain("512");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Blank_title_is_rejected(string title)
    {
        var error = Should.Throw<KvException>(() => Emulator.CreateNamespace(title));

        error.ErrorCode.ShouldBe(KvErrorCodes.InvalidNamespaceTitle);
    }

    [Fact]
    public void Unknown_namespace_is_not_found_with_10013()
    {
        var error = Should.Throw<KvException>(() => Emulator.GetNamespace(FixedId));

        error.StatusCode.ShouldBe(404);
        error.ErrorCode.ShouldBe(KvErrorCodes.NamespaceNotFound);
        error.Message.ShouldStartWith("namespace not found");
        error.Message.ShouldContain(FixedId);
        Emulator.FindNamespace(FixedId).ShouldBeNull();
    }

    [Fact]
    public void Get_or_create_keeps_the_given_id()
    {
        var first = Emulator.GetOrCreateNamespace(FixedId, "fixed");
        var second = Emulator.GetOrCreateNamespace(FixedId, "ignored");

        first.ShouldBe(new KvNamespaceInfo(FixedId, "fixed"));
        second.ShouldBe(first);
        Emulator.GetNamespace(FixedId).Id.ShouldBe(FixedId);
    }

    [Fact]
    public void Get_or_create_defaults_title_to_id()
    {
        Emulator.GetOrCreateNamespace(FixedId).Title.ShouldBe(FixedId);
    }

    [Theory]
    [InlineData("0123456789ABCDEF0123456789ABCDEF")]
    [InlineData("0123456789abcdef0123456789abcde")]
    [InlineData("0123456789abcdef0123456789abcdef0")]
    [InlineData("0123456789abcdef0123456789abcdeg")]
    [InlineData("")]
    public void Get_or_create_rejects_malformed_id(string id)
    {
        var error = Should.Throw<KvException>(() => Emulator.GetOrCreateNamespace(id));

        error.StatusCode.ShouldBe(400);
        error.ErrorCode.ShouldBe(KvErrorCodes.InvalidNamespaceId);
        error.Message.ShouldContain($"'{id}'");
    }

    [Fact]
    public void Rename_frees_the_old_title()
    {
        var renamed = Emulator.RenameNamespace(Namespace.Id, "renamed");

        renamed.Title.ShouldBe("renamed");
        Emulator.FindNamespace(Namespace.Id)!.Title.ShouldBe("renamed");
        Should.NotThrow(() => Emulator.CreateNamespace("tests"));
    }

    [Fact]
    public void Rename_to_taken_title_is_rejected()
    {
        Emulator.CreateNamespace("other");

        var error = Should.Throw<KvException>(() => Emulator.RenameNamespace(Namespace.Id, "other"));

        error.ErrorCode.ShouldBe(KvErrorCodes.NamespaceTitleExists);
        error.Message.ShouldStartWith("rename namespace:");
    }

    [Fact]
    public void Rename_to_its_own_title_succeeds()
    {
        Emulator.RenameNamespace(Namespace.Id, "tests").Title.ShouldBe("tests");
    }

    [Fact]
    public void Rename_of_unknown_namespace_is_not_found()
    {
        Should.Throw<KvException>(() => Emulator.RenameNamespace(FixedId, "x")).StatusCode.ShouldBe(404);
    }

    [Fact]
    public async Task Deleted_namespace_binding_fails_with_404()
    {
        await Kv.PutTextAsync("k", "v");

        Emulator.DeleteNamespace(Namespace.Id);

        var error = await ShouldFail(() => Kv.GetTextAsync("k"));
        error.StatusCode.ShouldBe(404);
        error.ErrorCode.ShouldBe(KvErrorCodes.NamespaceNotFound);
        Emulator.FindNamespace(Namespace.Id).ShouldBeNull();
        Should.Throw<KvException>(() => Emulator.DeleteNamespace(Namespace.Id)).StatusCode.ShouldBe(404);
    }

    [Fact]
    public async Task Recreated_namespace_with_the_same_id_starts_empty()
    {
        Emulator.GetOrCreateNamespace(FixedId);
        await Emulator.GetNamespace(FixedId).PutTextAsync("k", "v");

        Emulator.DeleteNamespace(FixedId);
        Emulator.GetOrCreateNamespace(FixedId);

        (await Emulator.GetNamespace(FixedId).GetTextAsync("k")).ShouldBeNull();
        (await Emulator.GetNamespace(FixedId).ListAsync()).Keys.ShouldBeEmpty();
    }

    [Fact]
    public async Task Namespaces_keep_their_keys_apart()
    {
        var other = Emulator.GetNamespace(Emulator.CreateNamespace("other").Id);

        await Kv.PutTextAsync("shared", "mine");
        await other.PutTextAsync("shared", "theirs");

        (await Kv.GetTextAsync("shared")).ShouldBe("mine");
        (await other.GetTextAsync("shared")).ShouldBe("theirs");
        (await other.ListAsync()).Keys.Count.ShouldBe(1);
    }

    [Fact]
    public void List_namespaces_returns_every_namespace_ordered_by_id()
    {
        Emulator.CreateNamespace("b");
        Emulator.CreateNamespace("c");

        var listed = Emulator.ListNamespaces();

        listed.Count.ShouldBe(3);
        listed.Select(info => info.Id).ShouldBeInOrder(SortDirection.Ascending, StringComparer.Ordinal);
    }

    [Fact]
    public void Disposed_emulator_rejects_further_use()
    {
        Emulator.Dispose();

        Should.Throw<ObjectDisposedException>(() => Emulator.CreateNamespace("late"));
    }
}
