using System.CommandLine;

namespace RepoCache.Cli;

/// <summary>Every top-level <c>repocache</c> command.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> Create()
    {
        yield return Commands.VersionCommand.Create();
        yield return Commands.ServeCommand.Create();
        yield return Commands.IngestCommand.Create();
        yield return Commands.FixturesCommand.Create();
        yield return Commands.VerifyCommand.Create();
        yield return Commands.BenchCommand.Create();
        yield return Commands.KvCommand.Create();
    }
}
