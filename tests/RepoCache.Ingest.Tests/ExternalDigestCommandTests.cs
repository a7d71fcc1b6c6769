using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using RepoCache.Ingest.Digest;
using RepoCache.Ingest.Extraction;
using RepoCache.Ingest.Tests.Support;

namespace RepoCache.Ingest.Tests;

public sealed class ExternalDigestCommandTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private async Task<string> Run(string commandLine)
    {
        _temp.WriteFile("repository/README.md", "hello");
        var input = new DigestInput("acme", "tools", _temp.Combine("repository"), new ExtractionResult(1, 5, [], []));
        using var output = new MemoryStream();
        var command = new ExternalDigestCommand(commandLine, TimeSpan.FromSeconds(30), NullLogger<ExternalDigestCommand>.Instance);
        await command.WriteAsync(input, output, CancellationToken.None);
        return Encoding.UTF8.GetString(output.ToArray());
    }

    [Fact]
    public async Task Standard_output_becomes_the_digest()
    {
        var digest = await Run("sh -c 'echo \"digest of $1/$2\"; cat \"$3/README.md\"' sh {owner} {name} {input}");

        digest.ShouldBe("digest of acme/tools\nhello");
    }

    [Fact]
    public async Task Output_file_becomes_the_digest()
    {
        var digest = await Run("sh -c 'printf written > \"$1\"' sh {output}");

        digest.ShouldBe("written");
    }

    [Fact]
    public async Task Non_zero_exit_fails_with_stderr()
    {
        var exception = await Should.ThrowAsync<DigestCommandException>(() => Run("sh -c 'echo broken >&2; exit 4'"));

        exception.Message.ShouldContain("exited with code 4");
        exception.Message.ShouldContain("broken");
    }

    [Fact]
    public async Task Missing_program_fails_clearly()
    {
        var exception = await Should.ThrowAsync<DigestCommandException>(() => Run("repocache-no-such-program {input}"));

        exception.Message.ShouldContain("cannot be started");
    }

    [Fact]
    public async Task Output_placeholder_without_file_fails()
    {
        var exception = await Should.ThrowAsync<DigestCommandException>(() => Run("true {output}"));

        exception.Message.ShouldContain("wrote no file");
    }

    [Theory]
    [InlineData("gitingest {input} -o {output}", new[] { "gitingest", "{input}", "-o", "{output}" })]
    [InlineData("tool 'a b' \"c d\" e", new[] { "tool", "a b", "c d", "e" })]
    [InlineData("  spaced   out  ", new[] { "spaced", "out" })]
    public void Command_line_is_split_into_words(string line, string[] words)
    {
        CommandLine.Split(line).ShouldBe(words);
    }

    [Theory]
    [InlineData("tool 'unclosed")]
    [InlineData("   ")]
    public void Broken_command_line_is_rejected(string line)
    {
        Should.Throw<ArgumentException>(() => CommandLine.Split(line));
    }

    [Fact]
    public void Fingerprint_changes_with_settings()
    {
        var defaults = ProcessorFingerprint.Compute(524_288, null);

        defaults.ShouldStartWith("gitingest-v1:");
        ProcessorFingerprint.Compute(524_288, null).ShouldBe(defaults);
        ProcessorFingerprint.Compute(1_000, null).ShouldNotBe(defaults);
        ProcessorFingerprint.Compute(524_288, "gitingest {input}").ShouldStartWith("command-v1:");
    }
}
