using RepoCache.Verification.Host;

namespace RepoCache.Verification.Tests.Host;

public sealed class VerificationLayoutTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"layout-{Guid.NewGuid():N}");

    [Fact]
    public void New_folder_is_prepared_and_marked()
    {
        var layout = new VerificationLayout(_folder);

        layout.Prepare();

        Directory.Exists(layout.Runners).ShouldBeTrue();
        Directory.Exists(layout.Work).ShouldBeTrue();
        File.Exists(Path.Combine(_folder, VerificationLayout.MarkerFile)).ShouldBeTrue();
    }

    [Fact]
    public void Marked_folder_loses_old_run_files()
    {
        var layout = new VerificationLayout(_folder);
        layout.Prepare();
        File.WriteAllText(Path.Combine(layout.Work, "kv.db"), "old");
        File.WriteAllText(Path.Combine(layout.Runners, "pass1-shard1.log"), "old");
        File.WriteAllText(Path.Combine(_folder, "report.html"), "old");
        File.WriteAllText(Path.Combine(_folder, "notes.txt"), "kept");

        layout.Prepare();

        Directory.GetFiles(layout.Work).ShouldBeEmpty();
        Directory.GetFiles(layout.Runners).ShouldBeEmpty();
        File.Exists(Path.Combine(_folder, "report.html")).ShouldBeFalse();
        File.ReadAllText(Path.Combine(_folder, "notes.txt")).ShouldBe("kept");
    }

    [Fact]
    public void Unmarked_nonempty_folder_is_rejected()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "work"));
        File.WriteAllText(Path.Combine(_folder, "work", "precious.txt"), "data");

        var error = Should.Throw<VerificationUsageException>(() => new VerificationLayout(_folder).Prepare());

        error.Message.ShouldContain($"--output '{_folder}' is not empty");
        File.Exists(Path.Combine(_folder, "work", "precious.txt")).ShouldBeTrue();
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
