using System.Text;
using CliWrap;
using Microsoft.Extensions.Logging;

namespace RepoCache.Ingest.Digest;

/// <summary>
/// Produces the digest with an external program (for example gitingest) run through CliWrap. The command line may use
/// <c>{input}</c> (the extracted folder), <c>{output}</c> (a file the program writes), <c>{owner}</c> and <c>{name}</c>;
/// without <c>{output}</c>, the program's standard output is the digest.
/// </summary>
public sealed class ExternalDigestCommand(string commandLine, TimeSpan timeout, ILogger<ExternalDigestCommand> logger) : IDigestProducer
{
    private const int MaxErrorCharacters = 2_000;

    private readonly IReadOnlyList<string> _words = CommandLine.Split(commandLine);

    /// <inheritdoc/>
    public async Task WriteAsync(DigestInput input, Stream output, CancellationToken cancellationToken)
    {
        var outputFile = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(input.Directory))!, $"{Guid.NewGuid():N}.digest");
        var usesOutputFile = _words.Any(word => word.Contains("{output}", StringComparison.Ordinal));
        var arguments = _words.Skip(1).Select(word => Expand(word, input, outputFile)).ToList();
        var errors = new StringBuilder();

        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);

        var command = Cli.Wrap(_words[0])
            .WithArguments(arguments)
            .WithWorkingDirectory(input.Directory)
            .WithValidation(CommandResultValidation.None)
            .WithStandardErrorPipe(PipeTarget.ToStringBuilder(errors));
        if (!usesOutputFile)
        {
            command = command.WithStandardOutputPipe(PipeTarget.ToStream(output));
        }

        logger.LogInformation("Running digest command {Program} for {Owner}/{Name}", _words[0], input.Owner, input.Name);
        try
        {
            var result = await command.ExecuteAsync(timeoutSource.Token);
            if (result.ExitCode != 0)
            {
                throw new DigestCommandException(
                    $"The digest command '{_words[0]}' exited with code {result.ExitCode} for {input.Owner}/{input.Name}: {Tail(errors)}");
            }

            if (usesOutputFile)
            {
                if (!File.Exists(outputFile))
                {
                    throw new DigestCommandException($"The digest command '{_words[0]}' exited with code 0 but wrote no file at {{output}} for {input.Owner}/{input.Name}.");
                }

                await using var written = File.OpenRead(outputFile);
                await written.CopyToAsync(output, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new DigestCommandException($"The digest command '{_words[0]}' timed out after {timeout.TotalSeconds:0} s for {input.Owner}/{input.Name}.");
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            throw new DigestCommandException($"The digest command '{_words[0]}' cannot be started: {exception.Message} Check --digest-command.", exception);
        }
        finally
        {
            File.Delete(outputFile);
        }
    }

    private static string Expand(string word, DigestInput input, string outputFile) => word
        .Replace("{input}", input.Directory, StringComparison.Ordinal)
        .Replace("{output}", outputFile, StringComparison.Ordinal)
        .Replace("{owner}", input.Owner, StringComparison.Ordinal)
        .Replace("{name}", input.Name, StringComparison.Ordinal);

    private static string Tail(StringBuilder errors)
    {
        var text = errors.ToString().Trim();
        return text.Length <= MaxErrorCharacters ? text : "..." + text[^MaxErrorCharacters..];
    }
}
